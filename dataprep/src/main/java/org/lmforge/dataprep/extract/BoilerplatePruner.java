package org.lmforge.dataprep.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeFilter.FilterResult;

/**
 * Marks boilerplate inside a candidate content root as dropped, in trafilatura's order ({@code
 * prune_unwanted_sections}): class/id patterns, then teasers and captions, then link-dense blocks
 * (menus, tag clouds, "read more" lists), then link-dense tables.
 */
final class BoilerplatePruner {
  private BoilerplatePruner() {}

  /**
   * Patterns are undone when they would leave less than this share of the root's text: a false
   * match on a wrapper.
   */
  private static final int MIN_KEPT_FRACTION_INV = 7;

  static void prune(Element root, Set<Element> dropped) {
    dropByPatterns(root, dropped);
    dropAll(root, dropped, BoilerplatePatterns.CAPTIONS);
    dropLinkedTeasers(root, dropped);
    // stats are recomputed only when a pass dropped something
    TextStats stats = TextStats.of(root, dropped);
    for (int pass = 0; pass < 2; pass++) {
      if (!dropLinkDense(root, dropped, stats)) break;
      stats = TextStats.of(root, dropped);
    }
    dropLinkDenseTables(root, dropped, stats);
  }

  private static void dropByPatterns(Element root, Set<Element> dropped) {
    TextStats stats = TextStats.of(root, dropped);
    List<Element> hits = new ArrayList<>();
    Dom.walk(
        root,
        dropped,
        e -> {
          if (e == root) return FilterResult.CONTINUE;
          if (BoilerplatePatterns.HIDDEN_AND_COMMENT_DEBRIS.test(e)) {
            hits.add(e);
            return FilterResult.SKIP_CHILDREN;
          }
          if (!BoilerplatePatterns.NAVIGATION_AND_WIDGETS.test(e)) return FilterResult.CONTINUE;
          // a long stretch of unlinked prose is content whatever its class says ("kochbar",
          // "content-sidebar-wrap", "tab-menu--product"); look for the real widgets inside it
          if (isProse(e, stats)) return FilterResult.CONTINUE;
          hits.add(e);
          return FilterResult.SKIP_CHILDREN;
        });
    if (hits.isEmpty()) return;
    int before = stats.get(root).textLength();
    int removed = 0;
    for (Element e : hits) removed += stats.get(e).textLength();
    if ((before - removed) * MIN_KEPT_FRACTION_INV > before) dropped.addAll(hits);
  }

  /** Navigation, share bars and widgets are short or link-heavy; this much plain text is not. */
  private static final int PROSE_MIN_CHARS = 2000;

  private static final double PROSE_MAX_LINK_DENSITY = 0.1;

  private static boolean isProse(Element e, TextStats stats) {
    TextStats.Counts c = stats.get(e);
    return c.textLength() >= PROSE_MIN_CHARS && c.linkDensity() < PROSE_MAX_LINK_DENSITY;
  }

  /**
   * A teaser that links somewhere announces another page; one without a link is the article's own
   * lead ("teaser-text", "article-teaser"), which trafilatura also keeps outside its precision
   * mode.
   */
  private static void dropLinkedTeasers(Element root, Set<Element> dropped) {
    List<Element> teasers =
        Dom.collect(root, dropped, e -> e != root && BoilerplatePatterns.TEASERS.test(e), true);
    if (teasers.isEmpty()) return;
    TextStats stats = TextStats.of(root, dropped);
    for (Element t : teasers) if (stats.get(t).linkElements() > 0) dropped.add(t);
  }

  private static void dropAll(Element root, Set<Element> dropped, AttributeRules rules) {
    dropped.addAll(Dom.collect(root, dropped, e -> e != root && rules.test(e), true));
  }

  /**
   * One pass of trafilatura's {@code delete_by_link_density} over divs (with backtracking), lists
   * and paragraphs.
   */
  /** Returns whether anything was dropped. */
  private static boolean dropLinkDense(Element root, Set<Element> dropped, TextStats stats) {
    List<Element> doomed = new ArrayList<>();
    for (Element e : Dom.collect(root, dropped, x -> x.nameIs("div"), false)) {
      if (isLinkDense(e, stats)) {
        doomed.add(e);
      } else if (stats.get(e).links() > 0
          && stats.get(e).textLength() < 100
          && e.childrenSize() >= 3) {
        // a short div made of three or more link-bearing parts: a link bar; drop what it holds
        doomed.addAll(e.children());
      }
    }
    for (Element e :
        Dom.collect(
            root, dropped, x -> x.nameIs("ul") || x.nameIs("ol") || x.nameIs("dl"), false)) {
      if (isLinkDense(e, stats)) doomed.add(e);
    }
    for (Element e : Dom.collect(root, dropped, x -> x.nameIs("p"), false)) {
      if (isLinkDense(e, stats)) doomed.add(e);
    }
    doomed.remove(root);
    return dropped.addAll(doomed);
  }

  /**
   * Short blocks made mostly of link text, or of many short links, are navigation. Limits are
   * trafilatura's: blocks under 100 chars (300 if last of their siblings), paragraphs under 30 (60
   * if last).
   */
  static boolean isLinkDense(Element e, TextStats stats) {
    TextStats.Counts c = stats.get(e);
    if (c.linkElements() == 0) return false;
    boolean last = e.nextElementSibling() == null;
    int limit = e.nameIs("p") ? (last ? 60 : 30) : (last ? 300 : 100);
    int len = c.textLength();
    if (len >= limit) return false;
    int links = c.links();
    if (links == 0) return true;
    return c.linkLength() > 0.8 * len || (links > 1 && c.shortLinks() > 0.8 * links);
  }

  private static void dropLinkDenseTables(Element root, Set<Element> dropped, TextStats stats) {
    for (Element t : Dom.collect(root, dropped, x -> x.nameIs("table"), false)) {
      TextStats.Counts c = stats.get(t);
      if (c.linkElements() == 0 || t == root) continue;
      int len = c.textLength();
      if (len <= 250) continue;
      if (c.links() == 0 || c.linkLength() > (len < 1000 ? 0.8 : 0.5) * len) dropped.add(t);
    }
  }
}
