package org.lmforge.dataprep.filter.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.TestTexts;

class GopherQualityFilterTest {
  private final GopherQualityFilter f = new GopherQualityFilter(GopherQualityConfig.defaults());

  private static GopherQualityConfig with(double minMean, double maxSymbol, double maxBullet,
      double maxEllipsisLines, double minAlpha, int minStop, int minWords) {
    GopherQualityConfig d = GopherQualityConfig.defaults();
    return new GopherQualityConfig(minWords, d.maxWords(), minMean, d.maxMeanWordLength(), maxSymbol, maxBullet,
        maxEllipsisLines, minAlpha, minStop, d.stopWords(), d.stopWordLanguages(), d.bulletChars());
  }

  @Test
  void keepsRealEnglishProse() {
    for (String t : TestTexts.europarlEnglish(20)) {
      assertNull(f.apply(TestTexts.doc(t, "en")).reason(), t.substring(0, 80));
    }
  }

  @Test
  void keepsNonEnglishProseThatHasNoEnglishStopWords() {
    List<String> docs = TestTexts.europarl(20000);
    String german = docs.stream().filter(t -> t.contains(" der ") && t.contains(" und ") && t.length() > 1200)
        .findFirst().orElseThrow();
    assertNull(f.apply(TestTexts.doc(german, "de")).reason());
  }

  @Test
  void dropsShortAndLongDocuments() {
    String para = TestTexts.europarlEnglish(1).get(0);
    String first30 = String.join(" ", List.of(para.split("\\s+")).subList(0, 30));
    assertEquals(GopherQualityFilter.TOO_FEW_WORDS, f.apply(TestTexts.doc(first30, "en")).reason());
    // all of tiny shakespeare is ~200k words, a single over-long document
    assertEquals(GopherQualityFilter.TOO_MANY_WORDS, f.apply(TestTexts.doc(TestTexts.shakespeare(), "en")).reason());
  }

  @Test
  void wordCountBoundary() {
    String para = TestTexts.europarlEnglish(1).get(0);
    GopherStats s = f.measure(TestTexts.doc(para, "en"));
    GopherQualityConfig at = with(3, 0.1, 0.9, 0.3, 0.8, 2, s.words());
    GopherQualityConfig above = with(3, 0.1, 0.9, 0.3, 0.8, 2, s.words() + 1);
    assertNull(new GopherQualityFilter(at).judge(s, "en"));
    assertEquals(GopherQualityFilter.TOO_FEW_WORDS, new GopherQualityFilter(above).judge(s, "en"));
  }

  /** A chess game score in algebraic notation: real text whose "words" are 2-3 characters long. */
  @Test
  void dropsShortWordsAndBoundary() {
    String game = "Kasparov vs Topalov, Wijk aan Zee 1999. 1. e4 d6 2. d4 Nf6 3. Nc3 g6 4. Be3 Bg7 5. Qd2 c6 "
        + "6. f3 b5 7. Nge2 Nbd7 8. Bh6 Bxh6 9. Qxh6 Bb7 10. a3 e5 11. O-O-O Qe7 12. Kb1 a6 13. Nc1 O-O-O "
        + "14. Nb3 exd4 15. Rxd4 c5 16. Rd1 Nb6 17. g3 Kb8 18. Na5 Ba8 19. Bh3 d5 20. Qf4+ Ka7 21. Rhe1 d4 "
        + "22. Nd5 Nbxd5 23. exd5 Qd6 24. Rxd4 cxd4 25. Re7+ Kb6 26. Qxd4+ Kxa5 27. b4+ Ka4 28. Qc3 Qxd5";
    Doc d = TestTexts.doc(game, "en");
    assertEquals(GopherQualityFilter.SHORT_WORDS, f.apply(d).reason());
    GopherStats s = f.measure(d);
    assertNull(new GopherQualityFilter(with(s.meanWordLength(), 0.1, 0.9, 0.3, 0.0, 0, 50)).judge(s, "en"));
    assertEquals(GopherQualityFilter.SHORT_WORDS,
        new GopherQualityFilter(with(Math.nextUp(s.meanWordLength()), 0.1, 0.9, 0.3, 0, 0, 50)).judge(s, "en"));
  }

  @Test
  void dropsLongWords() {
    StringBuilder b = new StringBuilder();
    // a git log of commit ids: 40-character "words"
    String[] ids = {"0252fd0a1d5e0c7c3f5e9b1a9c2d4e6f8a0b1c2d", "8f14e45fceea167a5a36dedd4bea2543a1b2c3d4",
        "c9f0f895fb98ab9159f51fd0297e236d5e6f7a8b", "45c48cce2e2d7fbdea1afc51c7c6ad26c0d1e2f3"};
    for (int i = 0; i < 60; i++) b.append(ids[i % 4]).append(i % 3 == 0 ? "\n" : " ");
    assertEquals(GopherQualityFilter.LONG_WORDS, f.apply(TestTexts.doc(b.toString(), "en")).reason());
  }

  @Test
  void dropsHashtagSpamAndEllipsisSymbols() {
    String para = TestTexts.europarlEnglish(2).get(1);
    StringBuilder tags = new StringBuilder(para).append("\n");
    for (String w : para.split("\\s+")) {
      if (w.length() > 6 && w.chars().allMatch(Character::isLetter)) tags.append('#').append(w).append(' ');
    }
    assertEquals(GopherQualityFilter.HASHES, f.apply(TestTexts.doc(tags.toString(), "en")).reason());

    StringBuilder snippets = new StringBuilder();
    String[] sentences = para.split("(?<=\\.) ");
    for (String s : sentences) {
      String[] w = s.split(" ");
      snippets.append(String.join(" ", List.of(w).subList(0, Math.min(6, w.length)))).append("... ");
    }
    Doc d = TestTexts.doc(snippets.toString(), "en");
    GopherStats s = f.measure(d);
    if (s.words() >= 50) assertEquals(GopherQualityFilter.ELLIPSES, f.apply(d).reason());
    assertNull(new GopherQualityFilter(with(3, s.ellipsisRatio(), 0.9, 1, 0.8, 0, 1)).judge(s, "en"));
    assertEquals(GopherQualityFilter.ELLIPSES,
        new GopherQualityFilter(with(3, Math.nextDown(s.ellipsisRatio()), 0.9, 1, 0.8, 0, 1)).judge(s, "en"));
  }

  @Test
  void dropsBulletListsAndEllipsisLinesWithBoundary() {
    String para = TestTexts.europarlEnglish(3).get(2).replace("\n", " ");
    String[] sentences = para.split("(?<=\\.) ");
    StringBuilder bullets = new StringBuilder();
    StringBuilder teasers = new StringBuilder();
    for (String s : sentences) {
      bullets.append("• ").append(s).append('\n');
      teasers.append(s, 0, Math.min(s.length(), 60)).append("…\n").append(s).append('\n');
    }
    assertEquals(GopherQualityFilter.BULLET_LINES, f.apply(TestTexts.doc(bullets.toString(), "en")).reason());
    Doc d = TestTexts.doc(teasers.toString(), "en");
    assertEquals(GopherQualityFilter.ELLIPSIS_LINES, f.apply(d).reason());
    GopherStats s = f.measure(d);
    assertEquals(0.5, s.ellipsisLineFrac(), 0.05);
    assertNull(new GopherQualityFilter(with(3, 1, 0.9, s.ellipsisLineFrac(), 0.8, 0, 1)).judge(s, "en"));
    GopherStats b = f.measure(TestTexts.doc(bullets.toString(), "en"));
    assertNull(new GopherQualityFilter(with(3, 1, b.bulletLineFrac(), 1, 0.8, 0, 1)).judge(b, "en"));
  }

  @Test
  void dropsNumberTablesForAlphaWords() {
    String table = """
        Date Open High Low Close Volume
        2024-01-02 187.15 188.44 183.89 185.64 82,488,700
        2024-01-03 184.22 185.88 183.43 184.25 58,414,500
        2024-01-04 182.15 183.09 180.88 181.91 71,983,600
        2024-01-05 181.99 182.76 180.17 181.18 62,303,300
        2024-01-08 182.09 185.60 181.50 185.56 59,144,500
        2024-01-09 183.92 185.15 182.73 185.14 42,841,800
        2024-01-10 184.35 186.40 183.92 186.19 46,792,900
        2024-01-11 186.54 187.05 183.62 185.59 49,128,400
        2024-01-12 186.06 186.74 185.19 185.92 40,444,700
        The table lists the daily prices of the stock and the volume traded with each session.""";
    Doc d = TestTexts.doc(table, "en");
    assertEquals(GopherQualityFilter.ALPHA_WORDS, f.apply(d).reason());
    GopherStats s = f.measure(d);
    assertNull(new GopherQualityFilter(with(0, 1, 1, 1, s.alphaWordFrac(), 0, 1)).judge(s, "en"));
    assertEquals(GopherQualityFilter.ALPHA_WORDS,
        new GopherQualityFilter(with(0, 1, 1, 1, Math.nextUp(s.alphaWordFrac()), 0, 1)).judge(s, "en"));
  }

  @Test
  void dropsKeywordListsWithoutStopWords() {
    String keywords = "cheap flights London Paris Rome Berlin Madrid hotels deals discount booking "
        + "airline tickets travel insurance car rental airport transfer vacation packages holiday offers "
        + "last minute weekend breaks city guides beach resorts ski chalets cruises adventure tours "
        + "family holidays luxury travel budget hostels apartments villas camping glamping flights hotels "
        + "Barcelona Lisbon Vienna Prague Budapest Amsterdam Dublin Edinburgh Florence Venice";
    Doc d = TestTexts.doc(keywords, "en");
    assertEquals(GopherQualityFilter.STOP_WORDS, f.apply(d).reason());
    GopherStats s = f.measure(d);
    assertNull(new GopherQualityFilter(with(3, 1, 1, 1, 0.8, s.stopWords(), 1)).judge(s, "en"));
    assertEquals(GopherQualityFilter.STOP_WORDS,
        new GopherQualityFilter(with(3, 1, 1, 1, 0.8, s.stopWords() + 1, 1)).judge(s, "en"));
    assertNull(f.apply(TestTexts.doc(keywords, "fr")).reason(), "stop words are English-only");
  }

  @Test
  void chineseAndJapaneseAreNotDroppedByWordCountRules() {
    String zh = "北京是中华人民共和国的首都，也是全国的政治、文化和国际交往中心。北京有三千多年的建城史和八百多年的建都史。"
        + "市内有故宫、天坛、颐和园等世界文化遗产。";
    String ja = "東京は日本の首都であり、政治、経済、文化の中心地である。人口は約千四百万人で、世界有数の大都市である。";
    for (Doc d : List.of(TestTexts.doc(zh, "zh"), TestTexts.doc(ja, "unknown"))) {
      GopherStats s = f.measure(d);
      assertTrue(s.noSpaceScript());
      assertNull(f.apply(d).reason(), d.text());
    }
    assertFalse(f.measure(TestTexts.doc("short English text", "en")).noSpaceScript());
  }
}
