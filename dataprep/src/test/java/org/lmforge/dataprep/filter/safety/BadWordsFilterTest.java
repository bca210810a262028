package org.lmforge.dataprep.filter.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.dataprep.filter.TestTexts;
import org.lmforge.dataprep.filter.Verdict;

/** The lexical safety signal with the LDNOOBW lists bundled in the jar. */
class BadWordsFilterTest {
  @TempDir Path tmp;

  private static final String SPAM =
      "Hot porn videos and free xxx sex cams. Watch porn now, the best porn site with nude girls.";

  private static BadWordsFilter filter(double maxRatio, int minHits) {
    return new BadWordsFilter(
        new BadWordsConfig(true, "", maxRatio, minHits, BadWordsConfig.defaults().allowlist()));
  }

  private final BadWordsFilter defaults = new BadWordsFilter(BadWordsConfig.defaults());

  @Test
  void bundledListsCoverAllLanguagesAndKeepCleanProseWithAScore() {
    assertTrue(
        defaults
            .lists()
            .languages()
            .containsAll(List.of("en", "de", "fr", "zh", "ja", "th", "fil", "tlh")));
    for (String t : TestTexts.europarlEnglish(30)) {
      Verdict v = defaults.apply(TestTexts.doc(t, "en"));
      assertNull(v.reason());
      assertTrue(v.scores().get("lexical_safety.bad_word_ratio") < 0.03);
    }
  }

  @Test
  void aFewHitsInProseAreKeptButFrequentHitsDrop() {
    String prose = TestTexts.europarlEnglish(1).get(0);
    Verdict one =
        defaults.apply(TestTexts.doc(prose + "\nWhat a load of bullshit, said one member.", "en"));
    assertNull(one.reason());
    assertEquals(1.0, one.scores().get("lexical_safety.bad_word_hits"));
    // porn x3, xxx, sex, nude: 6 hits in 18 words
    Verdict spam = defaults.apply(TestTexts.doc(SPAM, "en"));
    assertEquals("lexical_safety.bad_word_ratio", spam.reason());
    assertEquals(6.0, spam.scores().get("lexical_safety.bad_word_hits"));
  }

  @Test
  void thresholdsOnBothSides() {
    double ratio =
        filter(1, 0).apply(TestTexts.doc(SPAM, "en")).scores().get("lexical_safety.bad_word_ratio");
    assertNull(filter(ratio, 1).apply(TestTexts.doc(SPAM, "en")).reason(), "at the ratio: kept");
    assertEquals(
        "lexical_safety.bad_word_ratio",
        filter(Math.nextDown(ratio), 1).apply(TestTexts.doc(SPAM, "en")).reason());
    assertNull(filter(0.0, 7).apply(TestTexts.doc(SPAM, "en")).reason(), "6 hits < minHits 7");
    assertEquals(
        "lexical_safety.bad_word_ratio", filter(0.0, 6).apply(TestTexts.doc(SPAM, "en")).reason());
  }

  @Test
  void matchesWholeWordsAndPhrasesOnly() {
    String town =
        "Scunthorpe council published the assessment of the Sussex and Middlesex flood defences.";
    assertEquals(
        0.0,
        defaults.apply(TestTexts.doc(town, "en")).scores().get("lexical_safety.bad_word_hits"));
    assertEquals(
        1.0,
        defaults
            .apply(TestTexts.doc("they watched 2 girls 1 cup online", "en"))
            .scores()
            .get("lexical_safety.bad_word_hits"));
  }

  @Test
  void chineseMatchesBySubstringAndHonoursTheAllowlist() {
    String clean = "可能性和必要性都需要考虑。男女性别平等是基本国策。";
    assertEquals(
        0.0,
        defaults.apply(TestTexts.doc(clean, "zh")).scores().get("lexical_safety.bad_word_hits"));
  }

  @Test
  void userListsExtendOrReplaceTheBundledOnes() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("lists"));
    Files.writeString(dir.resolve("en"), "grommet\n");
    String text = "the grommet and the grommet and the grommet";
    BadWordsFilter extended =
        new BadWordsFilter(new BadWordsConfig(true, dir.toString(), 0.03, 3, List.of()));
    assertEquals(
        "lexical_safety.bad_word_ratio", extended.apply(TestTexts.doc(text, "en")).reason());
    assertEquals(
        6.0,
        extended.apply(TestTexts.doc(SPAM, "en")).scores().get("lexical_safety.bad_word_hits"));
    BadWordsFilter replaced =
        new BadWordsFilter(new BadWordsConfig(false, dir.toString(), 0.03, 3, List.of()));
    assertEquals(
        0.0,
        replaced.apply(TestTexts.doc(SPAM, "en")).scores().get("lexical_safety.bad_word_hits"));
    assertTrue(
        replaced.apply(TestTexts.doc("Ein Satz.", "de")).scores().isEmpty(),
        "no German list any more");
  }

  @Test
  void languageWithoutListIsKeptWithoutScore() {
    Verdict v = defaults.apply(TestTexts.doc("Ez egy mondat.", "xx"));
    assertNull(v.reason());
    assertTrue(v.scores().isEmpty());
  }

  @Test
  void badDirectoryOrNoListsIsAnErrorNamingTheKey() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new BadWordsFilter(new BadWordsConfig(true, "/no/such/lists", 0.01, 2, List.of())));
    assertTrue(e.getMessage().contains("/no/such/lists"), e.getMessage());
    assertTrue(e.getMessage().contains("filters.lexicalSafety.directory"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new BadWordsFilter(new BadWordsConfig(false, "", 0.01, 2, List.of())));
    assertTrue(e.getMessage().contains("bundled = true"), e.getMessage());
  }
}
