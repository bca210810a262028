package org.lmforge.dataprep.filter.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmforge.config.Records;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.TestTexts;

/**
 * Each Gopher quality rule on both sides of its default threshold, exactly at it where the
 * arithmetic allows. Token counts are worked out by hand from the reference tokenization: "the cat
 * " * 32 is 64 tokens, all words of 3 letters with a stop word in each pair; "#xyz" is "#" + "xyz";
 * "wait..." is "wait" + "...".
 */
class GopherQualityFilterTest {
  private final GopherQualityFilter f = new GopherQualityFilter(GopherQualityConfig.defaults());

  private String reason(String text) {
    return reason(text, "en");
  }

  private String reason(String text, String language) {
    return f.apply(TestTexts.doc(text, language)).reason();
  }

  /** A filter with the defaults but for the named settings ({@link Records#with}). */
  private static GopherQualityFilter filter(Object... namesAndValues) {
    return new GopherQualityFilter(Records.with(GopherQualityConfig.defaults(), namesAndValues));
  }

  private static String times(String s, int n) {
    return s.repeat(n);
  }

  @Test
  void wordCountAtFiftyIsKeptAndHyphenatedWordsCountTwice() {
    assertEquals("gopher_quality.too_few_words", reason(times("the cat ", 24) + "the")); // 49 words
    assertNull(reason(times("the cat ", 25))); // 50 words
    // "wellknown" is one word (49), "well-known" is "well" "-" "known": two words (50)
    assertEquals("gopher_quality.too_few_words", reason(times("the cat ", 24) + "wellknown"));
    assertNull(reason(times("the cat ", 24) + "well-known"));
  }

  @Test
  void maxWords() {
    GopherQualityFilter small = filter("maxWords", 60);
    assertNull(small.apply(TestTexts.doc(times("the cat ", 30), "en")).reason());
    assertEquals(
        "gopher_quality.too_many_words",
        small.apply(TestTexts.doc(times("the cat ", 31), "en")).reason());
  }

  @Test
  void meanWordLengthBoundsAreInclusive() {
    assertNull(reason(times("the and ", 30))); // 180 / 60 = 3.0
    assertEquals(
        "gopher_quality.mean_word_length_low",
        reason(times("the and ", 30) + "to")); // 182 / 61 < 3
    assertNull(reason(times("the internationalisms ", 30))); // (3 + 17) / 2 = 10.0
    assertEquals(
        "gopher_quality.mean_word_length_high",
        reason(times("the internationalismss ", 30))); // 10.5
  }

  @Test
  void hashesPerTokenAboveOneTenthDrop() {
    assertNull(reason(times("the cat ", 32) + times("#xyz ", 8))); // 8 / 80 = 0.1
    assertEquals(
        "gopher_quality.hash_ratio", reason(times("the cat ", 32) + times("#xyz ", 9))); // 9 / 82
  }

  @Test
  void ellipsesPerTokenAboveOneTenthDrop() {
    assertNull(reason(times("wait... ", 8) + times("the cat ", 32))); // 8 / 80 = 0.1
    assertEquals(
        "gopher_quality.ellipsis_ratio", reason(times("wait... ", 9) + times("the cat ", 32)));
    assertEquals(
        "gopher_quality.ellipsis_ratio", reason(times("wait\u2026 ", 9) + times("the cat ", 32)));
  }

  @Test
  void bulletLinesStartWithADash() {
    String line = "the cat and the dog\n";
    assertNull(reason(times("- " + line, 18) + times(line, 2))); // 18 / 20 = 0.9
    assertEquals("gopher_quality.bullet_lines", reason(times("- " + line, 19) + line)); // 19 / 20
    assertEquals(
        "gopher_quality.bullet_lines", reason(times("  - " + line, 19) + line), "after spaces");
  }

  @Test
  void ellipsisLinesAboveThirtyPercentDrop() {
    String words = "the cat and the dog sat upon the mat";
    assertNull(reason(times(words + "...\n", 3) + times(words + ".\n", 7))); // 3 / 10 = 0.3
    assertEquals(
        "gopher_quality.ellipsis_lines",
        reason(times(words + "...\n", 4) + times(words + ".\n", 6)));
  }

  @Test
  void alphabeticShareCountsPunctuationTokens() {
    assertNull(reason(times("the cat ", 32) + times("1234 ", 16))); // 64 / 80 = 0.8
    assertEquals("gopher_quality.alpha_words", reason(times("the cat ", 32) + times("1234 ", 17)));
    // commas are not words, but they are tokens: 64 / 81 of the tokens have a letter
    assertNull(reason(times("the cat ", 32) + times(", ", 16)));
    assertEquals("gopher_quality.alpha_words", reason(times("the cat ", 32) + times(", ", 17)));
  }

  @Test
  void stopWordsAreCaseSensitive() {
    String body = times("cats chase mice ", 20);
    assertEquals("gopher_quality.stop_words", reason(body));
    assertEquals("gopher_quality.stop_words", reason(body + "the"));
    assertNull(reason(body + "the and"));
    assertEquals("gopher_quality.stop_words", reason(body + "The And"), "'The' is not 'the'");
  }

  @Test
  void stopWordRuleCoversEnglishUnknownAndListedLanguages() {
    String german = times("Katzen jagen Mäuse gern ", 20);
    assertNull(reason(german, "de"));
    assertEquals("gopher_quality.stop_words", reason(german, "unknown"));
    GopherQualityFilter everywhere = filter("stopWordLanguages", List.of("*"));
    assertEquals(
        "gopher_quality.stop_words", everywhere.apply(TestTexts.doc(german, "de")).reason());
  }

  @Test
  void scriptsWithoutSpacesSkipWordRulesUnlessEnglishOrDisabled() {
    String zh = "今天天气很好，我们去公园散步。".repeat(10);
    assertNull(reason(zh, "zh"));
    assertEquals("gopher_quality.too_few_words", reason(zh, "en"));
    GopherQualityFilter reference = filter("skipWordRulesWithoutSpaces", false);
    assertEquals("gopher_quality.too_few_words", reference.apply(TestTexts.doc(zh, "zh")).reason());
  }

  @Test
  void keepsRealEnglishProse() {
    for (String t : TestTexts.europarlEnglish(20)) {
      Doc d = TestTexts.doc(t, "en");
      assertNull(f.apply(d).reason(), t.substring(0, 80));
    }
  }
}
