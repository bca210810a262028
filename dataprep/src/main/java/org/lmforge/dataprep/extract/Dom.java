package org.lmforge.dataprep.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * DOM helpers that never recurse: pages with 10,000-deep nesting must not overflow the stack, so
 * every walk goes through jsoup's iterative {@link NodeTraversor}. Pruned elements are not detached
 * but kept in a "dropped" set and skipped by the walks, which lets the fallback look at the page
 * before pruning without a second parse or a deep copy.
 */
final class Dom {
  private Dom() {}

  static Set<Element> newElementSet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }

  /**
   * Elements under {@code root} (itself included) that match, in document order, not descending
   * into dropped ones.
   */
  static List<Element> collect(
      Element root, Set<Element> dropped, Predicate<Element> match, boolean outermostOnly) {
    List<Element> out = new ArrayList<>();
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (!(node instanceof Element e)) return FilterResult.SKIP_ENTIRELY;
            if (dropped.contains(e)) return FilterResult.SKIP_ENTIRELY;
            if (match.test(e)) {
              out.add(e);
              if (outermostOnly) return FilterResult.SKIP_CHILDREN;
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        root);
    return out;
  }

  /** First element in document order under {@code root} that matches, or null. */
  static Element first(Element root, Set<Element> dropped, Predicate<Element> match) {
    Element[] found = new Element[1];
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (!(node instanceof Element e) || dropped.contains(e))
              return FilterResult.SKIP_ENTIRELY;
            if (match.test(e)) {
              found[0] = e;
              return FilterResult.STOP;
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        root);
    return found[0];
  }

  /** True if {@code e} or one of its ancestors is dropped. */
  static boolean isDropped(Element e, Set<Element> dropped) {
    for (Element p = e; p != null; p = p.parent()) if (dropped.contains(p)) return true;
    return false;
  }

  /**
   * Length of {@code s} with whitespace runs counted as one char and leading/trailing whitespace
   * ignored.
   */
  static int visibleLength(CharSequence s) {
    int n = 0;
    boolean pendingSpace = false;
    for (int i = 0, len = s.length(); i < len; i++) {
      if (isSpace(s.charAt(i))) {
        pendingSpace = n > 0;
      } else {
        if (pendingSpace) {
          n++;
          pendingSpace = false;
        }
        n++;
      }
    }
    return n;
  }

  /**
   * Whitespace as Python's {@code str.isspace()} sees it, which is what the evaluation's {@code \s}
   * matches.
   */
  static boolean isSpace(char c) {
    if (c <= ' ') return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
    return c == 0x85
        || c == 0xa0
        || c == 0x1680
        || (c >= 0x2000 && c <= 0x200a)
        || c == 0x2028
        || c == 0x2029
        || c == 0x202f
        || c == 0x205f
        || c == 0x3000;
  }

  /** Collapses whitespace runs to one space and trims. */
  static String normalizeSpace(CharSequence s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0, len = s.length(); i < len; i++) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        pendingSpace = sb.length() > 0;
      } else {
        if (pendingSpace) {
          sb.append(' ');
          pendingSpace = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
