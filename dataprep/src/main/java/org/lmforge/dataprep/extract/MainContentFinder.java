package org.lmforge.dataprep.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;

/**
 * trafilatura's own path: find the main-content container by class/id (most specific tier first),
 * prune its boilerplate, serialize it; if that yields too little, recover the page's "wild"
 * paragraphs, quotes, code and tables from the whole (pruned) body.
 */
final class MainContentFinder {
  private MainContentFinder() {}

  /** Wild text: elements that are content wherever they appear. */
  private static final Set<String> WILD = Set.of("p", "blockquote", "pre", "q", "code", "table");

  static TextSerializer.Serialized extract(
      Element body, Set<Element> cleaned, ExtractorConfig cfg) {
    Set<Element> dropped = Dom.newElementSet();
    dropped.addAll(cleaned);
    TextSerializer.Serialized result = TextSerializer.EMPTY;
    boolean looseText = false;
    Element firstRoot = null;
    for (Predicate<Element> tier : BoilerplatePatterns.CONTENT_TIERS) {
      Element root = Dom.first(body, dropped, tier);
      if (root == null) continue;
      BoilerplatePruner.prune(root, dropped);
      if (!hasLiveChild(root, dropped)) continue;
      // few <p>: the page is built from divs, so loose text is content too
      if (paragraphText(root, dropped) < 3 * cfg.minExtractedChars()) looseText = true;
      TextSerializer.Serialized part =
          withoutTrailingHeadings(TextSerializer.serialize(root, dropped, looseText));
      if (firstRoot == null && !part.blocks().isEmpty()) firstRoot = root;
      result = result.plus(part);
      if (result.blocks().size() > 1) break;
    }
    if (firstRoot != null) result = LeadFinder.lead(firstRoot, dropped, result).plus(result);
    if (result.blocks().isEmpty() || result.length() < cfg.minExtractedChars()) {
      Set<Element> wildDropped = Dom.newElementSet();
      wildDropped.addAll(cleaned);
      BoilerplatePruner.prune(body, wildDropped);
      List<Element> wild = Dom.collect(body, wildDropped, e -> WILD.contains(e.normalName()), true);
      result = result.plus(withoutRepeats(TextSerializer.serializeAll(wild, wildDropped), result));
    }
    return result;
  }

  /** Wild paragraphs the container already gave are not repeated. */
  private static TextSerializer.Serialized withoutRepeats(
      TextSerializer.Serialized wild, TextSerializer.Serialized have) {
    Set<String> seen = new HashSet<>();
    for (TextSerializer.Block b : have.blocks()) seen.add(b.text());
    List<TextSerializer.Block> fresh = new ArrayList<>();
    for (TextSerializer.Block b : wild.blocks()) if (seen.add(b.text())) fresh.add(b);
    return new TextSerializer.Serialized(fresh, wild.paragraphs(), wild.tables());
  }

  static TextSerializer.Serialized withoutTrailingHeadings(TextSerializer.Serialized s) {
    List<TextSerializer.Block> blocks = s.blocks();
    int end = blocks.size();
    while (end > 0 && blocks.get(end - 1).heading()) end--;
    if (end == blocks.size()) return s;
    return new TextSerializer.Serialized(
        new ArrayList<>(blocks.subList(0, end)), s.paragraphs(), s.tables());
  }

  private static boolean hasLiveChild(Element root, Set<Element> dropped) {
    for (Element c : root.children()) if (!dropped.contains(c)) return true;
    return false;
  }

  private static int paragraphText(Element root, Set<Element> dropped) {
    TextStats stats = TextStats.of(root, dropped);
    int n = 0;
    for (Element p : Dom.collect(root, dropped, e -> e.nameIs("p"), true))
      n += stats.get(p).textLength();
    return n;
  }
}
