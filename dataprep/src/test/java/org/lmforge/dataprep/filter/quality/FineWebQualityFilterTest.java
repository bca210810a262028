package org.lmforge.dataprep.filter.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmforge.dataprep.filter.TestTexts;

/** Each FineWeb rule on both sides of its default threshold; shares worked out by hand. */
class FineWebQualityFilterTest {
  private final FineWebQualityFilter f = new FineWebQualityFilter(FineWebConfig.defaults());

  /** Lines of 40+ characters with no final mark; {@code punct} of them get a period. */
  private static List<String> lines(int n, int punct) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          "Line number "
              + (100 + i)
              + " talks about budgets and harbours"
              + (i < punct ? "." : ""));
    }
    return out;
  }

  private String reason(String text) {
    return f.apply(TestTexts.doc(text, "en")).reason();
  }

  @Test
  void linePunctuationShareAtMostTwelvePercentDrops() {
    assertEquals(
        "fineweb.line_punct_ratio", reason(String.join("\n", lines(25, 3)))); // 3 / 25 = 0.12
    assertNull(reason(String.join("\n", lines(25, 4)))); // 0.16
  }

  @Test
  void theLastCharacterCountsEvenASpace() {
    List<String> withSpace = new ArrayList<>();
    for (String l : lines(10, 10)) withSpace.add(l + " ");
    assertEquals("fineweb.line_punct_ratio", reason(String.join("\n", withSpace)));
    List<String> quoted = new ArrayList<>();
    for (String l : lines(10, 0)) quoted.add(l + "\"");
    assertNull(reason(String.join("\n", quoted)));
  }

  @Test
  void shortLineShareOfTwoThirdsDrops() {
    // 6 lines: 4 short (at most 30 characters) is 0.667 >= 0.67? no: 4/6 = 0.6667 < 0.67 is kept
    List<String> l = lines(2, 2);
    for (int i = 0; i < 4; i++) l.add("Short line " + i + ".");
    assertNull(reason(String.join("\n", l)));
    l.add("Short line 9."); // 5 / 7 = 0.714
    assertEquals("fineweb.short_line_ratio", reason(String.join("\n", l)));
    // exactly 30 characters is short, 31 is not
    List<String> m = new ArrayList<>(lines(1, 1));
    for (String c : List.of("a", "b", "c")) m.add(c.repeat(29) + ".");
    assertEquals("fineweb.short_line_ratio", reason(String.join("\n", m))); // 3 / 4
    m.set(1, "a" + m.get(1));
    m.set(2, "b" + m.get(2));
    assertNull(reason(String.join("\n", m))); // 1 / 4
  }

  @Test
  void duplicateLineCharactersOfOnePercentDrop() {
    // 10 distinct lines of 49 characters + "Ok." twice: 3 duplicate characters of 490 + 6 = 496:
    // 0.006
    List<String> l = lines(10, 10);
    assertEquals(49, l.get(0).length());
    l.add("Ok.");
    l.add("Ok.");
    assertNull(reason(String.join("\n", l)));
    // a repeated line of 5 characters: 5 / 500 = 0.01 exactly, which drops (at least the threshold)
    List<String> m = lines(10, 10);
    m.add("Okay.");
    m.add("Okay.");
    assertEquals("fineweb.char_dup_ratio", reason(String.join("\n", m)));
    // blank lines are never duplicates
    assertNull(reason(String.join("\n\n\n", lines(10, 10))));
  }

  @Test
  void newlinesPerTokenAboveThreeTenthsDrop() {
    // every line "Internationalisation standardisation." is 3 tokens (the period is one); 12 lines:
    // 11 / 36
    String[] w = {
      "Internationalisation",
      "standardisation",
      "decentralisation",
      "environmentalism",
      "counterproductive",
      "incomprehensible",
      "telecommunications",
      "responsibilities",
      "institutionalised",
      "overwhelmingly",
      "misunderstandings",
      "characteristically",
      "disproportionately",
      "interdisciplinary"
    };
    List<String> two = new ArrayList<>();
    List<String> three = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      two.add(w[i] + " " + w[(i + 3) % 14] + ".");
      three.add(w[i] + " " + w[(i + 3) % 14] + " " + w[(i + 5) % 14] + ".");
    }
    assertEquals("fineweb.list_ratio", reason(String.join("\n", two))); // 11 / 36
    assertNull(reason(String.join("\n", three))); // 11 / 48
  }

  @Test
  void keepsRealEnglishProse() {
    for (String t : TestTexts.europarlEnglish(20)) {
      assertNull(reason(t), t.substring(0, 80));
    }
  }
}
