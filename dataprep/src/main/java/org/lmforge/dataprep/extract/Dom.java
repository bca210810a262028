package org.lmforge.dataprep.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeFilter.FilterResult;
import org.jsoup.select.NodeTraversor;
import org.lmforge.dataprep.filter.text.PyText;

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
   * Walks the elements under {@code root} (itself included) in document order, not descending into
   * dropped ones; {@code visit} tells the walk how to go on after each element.
   */
  static void walk(Element root, Set<Element> dropped, Function<Element, FilterResult> visit) {
    NodeTraversor.filter(
        (node, depth) ->
            node instanceof Element e && !dropped.contains(e)
                ? visit.apply(e)
                : FilterResult.SKIP_ENTIRELY,
        root);
  }

  /**
   * Elements under {@code root} (itself included) that match, in document order, not descending
   * into dropped ones.
   */
  static List<Element> collect(
      Element root, Set<Element> dropped, Predicate<Element> match, boolean outermostOnly) {
    List<Element> out = new ArrayList<>();
    walk(
        root,
        dropped,
        e -> {
          if (!match.test(e)) return FilterResult.CONTINUE;
          out.add(e);
          return outermostOnly ? FilterResult.SKIP_CHILDREN : FilterResult.CONTINUE;
        });
    return out;
  }

  /** First element in document order under {@code root} that matches, or null. */
  static Element first(Element root, Set<Element> dropped, Predicate<Element> match) {
    Element[] found = new Element[1];
    walk(
        root,
        dropped,
        e -> {
          if (!match.test(e)) return FilterResult.CONTINUE;
          found[0] = e;
          return FilterResult.STOP;
        });
    return found[0];
  }

  /** True if {@code e} or one of its ancestors is dropped. */
  static boolean isDropped(Element e, Set<Element> dropped) {
    for (Element p = e; p != null; p = p.parent()) if (dropped.contains(p)) return true;
    return false;
  }

  /**
   * Length of {@code s} with whitespace runs counted as one char and leading/trailing whitespace
   * ignored: the length of {@link PyText#normalizeSpace}. Whitespace is Python's ({@code
   * str.isspace()}), which is what the evaluation's {@code \s} matches.
   */
  static int visibleLength(CharSequence s) {
    int n = 0;
    boolean pendingSpace = false;
    for (int i = 0, len = s.length(); i < len; i++) {
      if (PyText.isSpace(s.charAt(i))) {
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
}
