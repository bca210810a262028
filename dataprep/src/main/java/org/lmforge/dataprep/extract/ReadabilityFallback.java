package org.lmforge.dataprep.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Second opinion for pages whose markup the class/id patterns do not know: Arc90 readability's
 * scoring (as in readability-lxml, which trafilatura uses as its safety net). Paragraphs score by
 * length and commas; each score flows to the parent and half of it to the grandparent; the best
 * container, discounted by its link density, wins together with siblings that score close to it.
 */
final class ReadabilityFallback {
  private ReadabilityFallback() {}

  /**
   * readability.js's class/id hints (lowercase substrings; plain contains is much cheaper than its
   * regex).
   */
  private static final String[] POSITIVE = {
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story"
  };

  private static final String[] NEGATIVE = {
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "foot",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "tool",
    "widget",
    "cookie",
    "consent",
    "newsletter",
    "breadcrumb",
    "social",
    "nav",
    "menu"
  };
  private static final Pattern SENTENCE_END = Pattern.compile("\\.( |$)");
  private static final int MIN_PARAGRAPH = 25;

  static TextSerializer.Serialized extract(Element body, Set<Element> cleaned) {
    TextStats stats = TextStats.of(body, cleaned);
    Map<Element, double[]> scores = new IdentityHashMap<>();
    List<Element> order = new ArrayList<>();
    for (Element p : Dom.collect(body, cleaned, ReadabilityFallback::isParagraph, false)) {
      int len = stats.get(p).textLength();
      if (len < MIN_PARAGRAPH) continue;
      double score = 1 + stats.get(p).commas() + Math.min(len / 100, 3);
      Element parent = p.parent();
      if (parent == null) continue;
      addScore(scores, order, parent, score);
      Element grand = parent.parent();
      if (grand != null) addScore(scores, order, grand, score / 2);
    }
    Element best = null;
    double bestScore = 0;
    for (Element c : order) {
      double s = scores.get(c)[0] * (1 - stats.get(c).linkDensity());
      scores.get(c)[0] = s;
      if (best == null || s > bestScore) {
        best = c;
        bestScore = s;
      }
    }
    if (best == null) return TextSerializer.EMPTY;

    List<Element> selected = siblingsOf(best, bestScore, scores, stats, cleaned);
    Set<Element> dropped = Dom.newElementSet();
    dropped.addAll(cleaned);
    for (Element e : selected) sanitize(e, dropped, stats);
    return TextSerializer.serializeAll(selected, dropped);
  }

  /** p, pre and td, and divs without block children (readability turns those into paragraphs). */
  private static boolean isParagraph(Element e) {
    String n = e.normalName();
    if (n.equals("p") || n.equals("pre") || n.equals("td")) return true;
    if (!n.equals("div")) return false;
    for (Element c : e.children())
      if (TextSerializer.BLOCK_TAGS.contains(c.normalName())) return false;
    return true;
  }

  private static void addScore(
      Map<Element, double[]> scores, List<Element> order, Element e, double add) {
    double[] s = scores.get(e);
    if (s == null) {
      s = new double[] {initialScore(e)};
      scores.put(e, s);
      order.add(e);
    }
    s[0] += add;
  }

  private static double initialScore(Element e) {
    double base =
        switch (e.normalName()) {
          case "div", "article", "main", "section" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    return base + classWeight(e);
  }

  static int classWeight(Element e) {
    int w = 0;
    for (String attr : new String[] {e.className(), e.id()}) {
      if (attr.isEmpty()) continue;
      String lower = attr.toLowerCase(Locale.ROOT);
      if (containsAny(lower, NEGATIVE)) w -= 25;
      if (containsAny(lower, POSITIVE)) w += 25;
    }
    return w;
  }

  private static boolean containsAny(String s, String[] needles) {
    for (String n : needles) if (s.contains(n)) return true;
    return false;
  }

  private static List<Element> siblingsOf(
      Element best,
      double bestScore,
      Map<Element, double[]> scores,
      TextStats stats,
      Set<Element> cleaned) {
    Element parent = best.parent();
    if (parent == null) return List.of(best);
    double threshold = Math.max(10, bestScore * 0.2);
    List<Element> out = new ArrayList<>();
    for (Element s : parent.children()) {
      if (cleaned.contains(s)) continue;
      if (s == best) {
        out.add(s);
        continue;
      }
      double[] sc = scores.get(s);
      if (sc != null && sc[0] >= threshold) {
        out.add(s);
        continue;
      }
      if (s.nameIs("p")) {
        int len = stats.get(s).textLength();
        double ld = stats.get(s).linkDensity();
        if ((len > 80 && ld < 0.25)
            || (len > 0 && len <= 80 && ld == 0 && SENTENCE_END.matcher(s.text()).find())) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /**
   * readability's conditional cleaning: drop negative-class parts and link lists inside the chosen
   * content.
   */
  private static void sanitize(Element root, Set<Element> dropped, TextStats stats) {
    Dom.collect(
        root,
        dropped,
        e -> {
          if (e == root) return false;
          String n = e.normalName();
          boolean structural =
              n.equals("div")
                  || n.equals("ul")
                  || n.equals("ol")
                  || n.equals("table")
                  || n.equals("section")
                  || n.equals("dl");
          int weight = (e.attributesSize() == 0) ? 0 : classWeight(e);
          boolean drop = weight < 0;
          if (!drop && structural && stats.get(e).commas() < 10) {
            double ld = stats.get(e).linkDensity();
            drop =
                (weight < 25 && ld > 0.2)
                    || ld > 0.5
                    || stats.get(e).textLength() < MIN_PARAGRAPH && n.equals("div");
          }
          if (drop) dropped.add(e);
          return drop;
        },
        true);
  }
}
