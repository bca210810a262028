package org.lmforge.dataprep.filter.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmforge.config.Records;
import org.lmforge.dataprep.filter.TestTexts;

/**
 * Each Gopher repetition rule on both sides of its default threshold; shares worked out by hand.
 */
class GopherRepetitionFilterTest {
  private final GopherRepetitionFilter f =
      new GopherRepetitionFilter(GopherRepetitionConfig.defaults());

  /** Six distinct sentences with few shared words, so only the repetition under test repeats. */
  private static final List<String> DISTINCT =
      List.of(
          "Parliament approved the new fisheries budget after a long debate on quotas.",
          "Several members asked whether rural hospitals would receive more funding next year.",
          "A delegation from Lisbon presented plans for cleaner harbours and quieter ports.",
          "Farmers in northern regions reported record harvests despite unusually dry summers.",
          "Teachers called for smaller classes, better libraries and modern laboratories.",
          "Engineers proposed railway links connecting mountain villages with coastal cities.");

  private String reason(String text) {
    return f.apply(TestTexts.doc(text, "en")).reason();
  }

  private static String join(String sep, List<String> items, String repeated, int copies) {
    StringBuilder b = new StringBuilder(String.join(sep, items));
    for (int i = 0; i < copies; i++) b.append(sep).append(repeated);
    return b.toString();
  }

  @Test
  void duplicateParagraphShare() {
    // 6 distinct + "Ok." 4 times = 10 paragraphs, 3 of them duplicates: 3 / 10 = 0.3 is kept
    assertNull(reason(join("\n\n", DISTINCT, "Ok.", 4)));
    // 5 times: 4 / 11 > 0.3
    assertEquals("gopher_repetition.dup_para_frac", reason(join("\n\n", DISTINCT, "Ok.", 5)));
  }

  @Test
  void duplicateLineShareIgnoresBlankLinesButNotSpaces() {
    assertNull(reason(join("\n", DISTINCT, "Ok.", 4))); // 3 / 10
    assertEquals(
        "gopher_repetition.dup_line_frac", reason(join("\n", DISTINCT, "Ok.", 5))); // 4 / 11
    // blank lines between them are not lines: still 3 / 10
    assertNull(reason(join("\n\n\n", DISTINCT, "Ok.", 4).replace("\n\n\n", "\n\n\n")));
    // lines of spaces are lines, and equal ones are duplicates: 4 of 11 items repeat
    assertEquals(
        "gopher_repetition.dup_line_frac",
        reason(String.join("\n", DISTINCT) + "\n \n \n \n \n \nOk."));
  }

  @Test
  void duplicateCharacterShares() {
    // a paragraph of 80 characters twice after the six distinct ones (75+83+80+83+78+82 = 481
    // characters):
    // 481 + 7 separators of 2 + 160 = 655 characters, of which the second copy, 80, is duplicate:
    // 0.122
    String para = "x".repeat(79) + ".";
    String text = join("\n\n", DISTINCT, para, 2);
    assertEquals(655, text.length());
    RepetitionStats s = f.measure(TestTexts.doc(text, "en"));
    assertEquals(80.0 / 655, s.dupParaCharFrac(), 1e-12);
    // passes both paragraph and both line rules; the next rule decides: the 2-gram "xxx...x ." (81
    // characters)
    // twice is 162 / 655 > 0.2
    assertEquals(GopherRepetitionFilter.topNGram(2), reason(text));
    // 200 of 481 + 14 + 400 = 895 characters: 0.223 > 0.2
    String longer = "x".repeat(199) + ".";
    assertEquals("gopher_repetition.dup_para_char_frac", reason(join("\n\n", DISTINCT, longer, 2)));
    assertEquals("gopher_repetition.dup_line_char_frac", reason(join("\n", DISTINCT, longer, 2)));
  }

  @Test
  void topTwoGramShareCountsSpacesAndTheFirstNGramWhenNothingRepeats() {
    // "I am Frank, I am Frank, I am Frank": "I am" occurs 3 times: 4 chars * 3 = 12 of 34 > 0.2
    assertEquals(GopherRepetitionFilter.topNGram(2), reason("I am Frank, I am Frank, I am Frank"));
    // nothing repeats: the first 2-gram "Short text" (10 chars) of 19 characters is still "most
    // frequent"
    assertEquals(GopherRepetitionFilter.topNGram(2), reason("Short text here ok."));
    GopherRepetitionFilter repeatsOnly =
        new GopherRepetitionFilter(
            Records.with(GopherRepetitionConfig.defaults(), "topNGramMinCount", 2));
    assertNull(repeatsOnly.apply(TestTexts.doc("Short text here ok.", "en")).reason());
  }

  @Test
  void topTwoGramAtTheThreshold() {
    // "aa bb" (5 characters) 20 times, each followed by a different word: 100 characters of the top
    // 2-gram in a
    // text of 300 filler + 20 * 10 = 500 characters is exactly 0.2 and kept; one filler character
    // less drops
    StringBuilder b = new StringBuilder(String.join(" ", DISTINCT).substring(0, 300));
    for (int i = 10; i < 30; i++) b.append(" aa bb w").append(i);
    String kept = b.toString();
    assertEquals(500, kept.length());
    RepetitionStats s = f.measure(TestTexts.doc(kept, "en"));
    assertEquals(0.2, s.topNGramCharFrac()[0], 1e-12);
    assertNull(new GopherRepetitionFilter(GopherRepetitionConfig.defaults()).judge(s));
    String dropped = kept.substring(1);
    assertEquals(GopherRepetitionFilter.topNGram(2), reason(dropped));
  }

  @Test
  void repeatedNGramsAreJoinedWithoutSpaces() {
    // tokens a b c d e f a b c d e f: the second "abcde" repeats (5 chars), the scan jumps to "f":
    // 5 of 23
    RepetitionStats s = f.measure(TestTexts.doc("a b c d e f a b c d e f", "en"));
    // 6-grams: "abcdef" again at the 7th token (6 chars); 7-grams and longer never repeat
    assertArrayEquals(new double[] {5.0 / 23, 6.0 / 23, 0, 0, 0, 0}, s.dupNGramCharFrac(), 1e-12);
    // the 5-grams "ab c d e f" and "a bc d e f" differ, but joined without spaces both are
    // "abcdef": 6 of 21
    RepetitionStats joined = f.measure(TestTexts.doc("ab c d e f a bc d e f", "en"));
    assertEquals(6.0 / 21, joined.dupNGramCharFrac()[0], 1e-12);
  }

  @Test
  void keepsRealEnglishProse() {
    for (String t : TestTexts.europarlEnglish(20)) {
      assertNull(reason(t), t.substring(0, 80));
    }
  }
}
