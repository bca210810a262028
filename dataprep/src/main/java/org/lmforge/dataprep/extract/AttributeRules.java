package org.lmforge.dataprep.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * A set of tag names plus CSS-like attribute tests, any of which makes an element match. Written as
 * short strings so the pattern tables read like trafilatura's XPath lists they come from: {@code
 * "class*=footer/i"} (contains, case-insensitive), {@code "id^=shar"} (starts with), {@code
 * "class=post"} (equals), {@code "data-lp-replacement-content"} (attribute present).
 */
final class AttributeRules implements Predicate<Element> {
  private enum Op {
    EQUALS,
    CONTAINS,
    STARTS,
    PRESENT
  }

  private record Test(String attr, Op op, String value, boolean ignoreCase) {}

  private final Set<String> tags; // null: any tag
  private final Test[] tests;

  private AttributeRules(Set<String> tags, Test[] tests) {
    this.tags = tags;
    this.tests = tests;
  }

  /**
   * @param tags element names the rules apply to, or null for all elements
   */
  static AttributeRules of(Set<String> tags, String... specs) {
    List<Test> tests = new ArrayList<>();
    for (String spec : specs) tests.add(parse(spec));
    return new AttributeRules(tags, tests.toArray(new Test[0]));
  }

  private static Test parse(String spec) {
    boolean ci = spec.endsWith("/i");
    String s = ci ? spec.substring(0, spec.length() - 2) : spec;
    int eq = s.indexOf('=');
    if (eq < 0) return new Test(s, Op.PRESENT, "", false);
    char before = eq > 0 ? s.charAt(eq - 1) : ' ';
    Op op = before == '*' ? Op.CONTAINS : before == '^' ? Op.STARTS : Op.EQUALS;
    String attr = s.substring(0, op == Op.EQUALS ? eq : eq - 1);
    String value = s.substring(eq + 1);
    return new Test(attr, op, ci ? value.toLowerCase(Locale.ROOT) : value, ci);
  }

  /**
   * One pass over the element's attributes (usually one to three), each value lowercased at most
   * once. jsoup's {@code attr(name)} does a case-insensitive key scan per call, which with ~100
   * tests per element was the extractor's hottest spot.
   */
  @Override
  public boolean test(Element e) {
    if (e.attributesSize() == 0) return false;
    if (tags != null && !tags.contains(e.normalName())) return false;
    for (Attribute a : e.attributes()) {
      String key = a.getKey();
      String raw = a.getValue();
      String lower = null;
      for (Test t : tests) {
        if (!t.attr.equals(key)) continue;
        if (t.op == Op.PRESENT) return true;
        String v = raw;
        if (t.ignoreCase) {
          if (lower == null) lower = raw.toLowerCase(Locale.ROOT);
          v = lower;
        }
        boolean hit =
            switch (t.op) {
              case EQUALS -> v.equals(t.value);
              case CONTAINS -> v.contains(t.value);
              case STARTS -> v.startsWith(t.value);
              case PRESENT -> true;
            };
        if (hit) return true;
      }
    }
    return false;
  }
}
