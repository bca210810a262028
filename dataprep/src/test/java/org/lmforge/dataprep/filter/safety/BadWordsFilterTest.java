package org.lmforge.dataprep.filter.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmforge.dataprep.filter.TestTexts;
import org.lmforge.dataprep.filter.Verdict;

class BadWordsFilterTest {
  private static BadWordsFilter filter(double maxRatio, int minHits) {
    String dir = TestTexts.shared().resolve("badwords").toString();
    return new BadWordsFilter(new BadWordsConfig(dir, maxRatio, minHits, BadWordsConfig.defaults().allowlist()));
  }

  @Test
  void loadsAllLanguagesAndKeepsCleanProseWithAScore() {
    BadWordsFilter f = filter(0.01, 2);
    assertTrue(f.lists().languages().containsAll(List.of("en", "de", "fr", "zh", "ja", "th", "fil")));
    for (String t : TestTexts.europarlEnglish(30)) {
      Verdict v = f.apply(TestTexts.doc(t, "en"));
      assertNull(v.reason());
      // parliament debates do use listed words ("rape" in a debate on violence): rare, so kept
      assertTrue(v.scores().get(BadWordsFilter.SCORE_RATIO) < 0.01);
    }
  }

  @Test
  void aSingleHitInProseIsKeptButFrequentHitsDrop() {
    BadWordsFilter f = filter(0.01, 2);
    String prose = TestTexts.europarlEnglish(1).get(0);
    Verdict one = f.apply(TestTexts.doc(prose + "\nWhat a load of bullshit, said one member.", "en"));
    assertNull(one.reason());
    assertEquals(1.0, one.scores().get(BadWordsFilter.SCORE_HITS));
    String spam = "Hot porn videos and free xxx sex cams. Watch porn now, the best porn site with nude girls.";
    assertEquals(BadWordsFilter.TOO_MANY, f.apply(TestTexts.doc(spam, "en")).reason());
  }

  @Test
  void ratioBoundary() {
    String spam = "Hot porn videos and free xxx sex cams. Watch porn now, the best porn site with nude girls.";
    double ratio = filter(1, 0).apply(TestTexts.doc(spam, "en")).scores().get(BadWordsFilter.SCORE_RATIO);
    assertNull(filter(ratio, 1).apply(TestTexts.doc(spam, "en")).reason());
    assertEquals(BadWordsFilter.TOO_MANY, filter(Math.nextDown(ratio), 1).apply(TestTexts.doc(spam, "en")).reason());
  }

  @Test
  void matchesWholeWordsAndPhrasesOnly() {
    BadWordsFilter f = filter(0.01, 2);
    // "Scunthorpe", "assessment", "Sussex" contain listed strings inside words
    String town = "Scunthorpe council published the assessment of the Sussex and Middlesex flood defences.";
    assertEquals(0.0, f.apply(TestTexts.doc(town, "en")).scores().get(BadWordsFilter.SCORE_HITS));
    assertEquals(1.0, f.apply(TestTexts.doc("they watched 2 girls 1 cup online", "en"))
        .scores().get(BadWordsFilter.SCORE_HITS));
  }

  @Test
  void chineseMatchesBySubstringAndHonoursTheAllowlist() {
    BadWordsFilter f = filter(0.01, 2);
    // 性 (sex / nature) alone is allow-listed: common in 性别, 可能性
    String clean = "可能性和必要性都需要考虑。男女性别平等是基本国策。";
    assertEquals(0.0, f.apply(TestTexts.doc(clean, "zh")).scores().get(BadWordsFilter.SCORE_HITS));
  }

  @Test
  void languageWithoutListIsKeptWithoutScore() {
    Verdict v = filter(0.01, 2).apply(TestTexts.doc("Ez egy magyar mondat.", "xx"));
    assertNull(v.reason());
    assertTrue(v.scores().isEmpty());
  }

  @Test
  void missingDirectoryIsAnErrorNamingThePath() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new BadWordsFilter(new BadWordsConfig("/no/such/badwords", 0.01, 2, List.of())));
    assertTrue(e.getMessage().contains("/no/such/badwords"), e.getMessage());
    assertTrue(e.getMessage().contains("filters.badwords.directory"), e.getMessage());
  }
}
