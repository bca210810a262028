package org.lmforge.dataprep.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Recovers the opening of an article that sits just outside its body container: news and blog
 * templates put the lead ("standfirst", "deck", "excerpt", "text-intro") between the headline and
 * the {@code article-body} div, so the container found by class misses it. trafilatura misses these
 * too.
 *
 * <p>Looks only at what precedes the container inside its nearest ancestors (a few levels, never
 * the page body itself, where the masthead and navigation live), after the usual pruning, and keeps
 * only prose-like blocks: long enough to be a sentence, few links, not a heading of the page.
 */
final class LeadFinder {
  private LeadFinder() {}

  /** How many ancestors of the container are searched; leads sit one to three levels up. */
  static final int MAX_LEVELS_UP = 3;

  /** A lead is at least a sentence; bylines, dates and kickers are shorter. */
  static final int MIN_LEAD_CHARS = 80;

  /** At most this many blocks, the ones nearest the container. */
  static final int MAX_LEAD_BLOCKS = 2;

  /** A lead is plain prose; link-heavy text before the body is navigation or a teaser list. */
  static final double MAX_LINK_DENSITY = 0.2;

  /**
   * Lead blocks found before {@code root}, in document order, none repeating a block of {@code
   * have}.
   */
  static TextSerializer.Serialized lead(
      Element root, Set<Element> dropped, TextSerializer.Serialized have) {
    List<Element> before = precedingSiblings(root);
    if (before.isEmpty()) return TextSerializer.EMPTY;
    Set<String> seen = new HashSet<>();
    for (TextSerializer.Block b : have.blocks()) seen.add(b.text());
    List<TextSerializer.Block> found = new ArrayList<>();
    // nearest first: the siblings were collected walking away from the container
    for (Element sibling : before) {
      if (dropped.contains(sibling)) continue;
      // most siblings (images, share bars, kickers) are too short to hold a lead: skip the pruning
      // passes
      if (TextStats.of(sibling, dropped).get(sibling).textLength() < MIN_LEAD_CHARS) continue;
      BoilerplatePruner.prune(sibling, dropped);
      if (dropped.contains(sibling)) continue;
      TextStats stats = TextStats.of(sibling, dropped);
      List<Element> blocks = Dom.collect(sibling, dropped, LeadFinder::isLeadElement, true);
      for (int i = blocks.size() - 1; i >= 0 && found.size() < MAX_LEAD_BLOCKS; i--) {
        Element b = blocks.get(i);
        int len = stats.get(b).textLength();
        if (len < MIN_LEAD_CHARS || stats.get(b).linkDensity() > MAX_LINK_DENSITY) continue;
        TextSerializer.Serialized s = TextSerializer.serialize(b, dropped, true);
        if (s.blocks().size() != 1) continue;
        TextSerializer.Block block = new TextSerializer.Block(s.blocks().get(0).text(), false);
        if (seen.add(block.text())) found.add(0, block);
      }
      if (found.size() >= MAX_LEAD_BLOCKS) break;
    }
    return found.isEmpty()
        ? TextSerializer.EMPTY
        : new TextSerializer.Serialized(found, found.size(), 0);
  }

  /**
   * Paragraphs, sub-headings (the "deck" under a headline) and intro divs without block children.
   */
  private static boolean isLeadElement(Element e) {
    String n = e.normalName();
    if (n.equals("p") || n.equals("h2") || n.equals("h3")) return true;
    if (!n.equals("div") && !n.equals("span") && !n.equals("strong")) return false;
    for (Element c : e.children())
      if (TextSerializer.BLOCK_TAGS.contains(c.normalName())) return false;
    return true;
  }

  /**
   * Element siblings before the container and before each of its ancestors, nearest first, stopping
   * below body.
   */
  private static List<Element> precedingSiblings(Element root) {
    List<Element> out = new ArrayList<>();
    Element child = root;
    for (int level = 0; level < MAX_LEVELS_UP; level++) {
      Element parent = child.parent();
      if (parent == null || parent.nameIs("body") || parent.nameIs("html")) break;
      for (Element s = child.previousElementSibling(); s != null; s = s.previousElementSibling())
        out.add(s);
      child = parent;
    }
    return out;
  }
}
