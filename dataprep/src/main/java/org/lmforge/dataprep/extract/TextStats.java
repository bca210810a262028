package org.lmforge.dataprep.extract;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Text and link lengths of every element under a root, computed in one post-order walk.
 * Link-density tests need these for every div/list/p; calling {@code text()} per element instead
 * would be quadratic in the nesting depth. Dropped subtrees count as absent.
 */
final class TextStats {
  /**
   * One element's subtree: visible text length, link text length, non-empty links, short links (<
   * 10 chars), link elements (empty ones included) and commas.
   */
  record Counts(
      int textLength, int linkLength, int links, int shortLinks, int linkElements, int commas) {
    static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

    /** Link text / text, at most 1; 0 without text. */
    double linkDensity() {
      return textLength == 0 ? 0 : Math.min(1.0, (double) linkLength / textLength);
    }
  }

  private final Map<Element, Counts> stats = new IdentityHashMap<>();

  private TextStats() {}

  static TextStats of(Element root, Set<Element> dropped) {
    TextStats ts = new TextStats();
    // per open element, its sums so far in the order of Counts' components
    ArrayDeque<int[]> stack = new ArrayDeque<>();
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof Element e) {
              if (dropped.contains(e)) return FilterResult.SKIP_ENTIRELY;
              stack.push(new int[6]);
            } else if (node instanceof TextNode t && !stack.isEmpty()) {
              String text = t.getWholeText();
              int[] top = stack.peek();
              top[0] += Dom.visibleLength(text);
              top[5] += commas(text);
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            if (!(node instanceof Element e)) return FilterResult.CONTINUE;
            int[] s = stack.pop();
            if (e.nameIs("a")) {
              // a link's text is link text, whatever nested markup (or invalid nested links) it
              // holds
              s[1] = s[0];
              s[2] = s[0] > 0 ? 1 : 0;
              s[3] = s[0] > 0 && s[0] < 10 ? 1 : 0;
              s[4] = 1;
            }
            ts.stats.put(e, new Counts(s[0], s[1], s[2], s[3], s[4], s[5]));
            int[] parent = stack.peek();
            if (parent != null) for (int i = 0; i < 6; i++) parent[i] += s[i];
            return FilterResult.CONTINUE;
          }
        },
        root);
    return ts;
  }

  /** The counts of {@code e}; all zero for an element outside the root or dropped. */
  Counts get(Element e) {
    return stats.getOrDefault(e, Counts.NONE);
  }

  /** Commas, Latin and CJK: readability's sign of running prose. */
  static int commas(String s) {
    int n = 0;
    for (int i = 0, len = s.length(); i < len; i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '\uff0c' || c == '\u3001') n++;
    }
    return n;
  }
}
