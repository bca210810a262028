package org.lmforge.dataprep.filter.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.TestTexts;

class FineWebQualityFilterTest {
  private final FineWebQualityFilter f = new FineWebQualityFilter(FineWebConfig.defaults());

  @Test
  void keepsRealProse() {
    for (String t : TestTexts.europarlEnglish(30)) {
      assertNull(f.apply(TestTexts.doc(t, "en")).reason());
    }
  }

  @Test
  void dropsListOfTitlesForLinePunctuation() {
    // titles of Europarl debates, one per line as on an index page: no line ends in punctuation
    String titles = String.join("\n", List.of("Education programmes", "Question Time (Commission)",
        "Common agricultural policy", "Situation in Kosovo", "Votes", "Adjournment of the session",
        "Approval of the Minutes of the previous sitting", "Order of business", "Welcome"));
    assertEquals(FineWebQualityFilter.LINE_PUNCT, f.apply(TestTexts.doc(titles, "en")).reason());
  }

  @Test
  void dropsChatLogForShortLines() {
    String chat = """
        Anyone tried the new firmware yet?
        Yes, works fine.
        Battery drains faster now.
        Same here!
        Did you reset it first?
        No. Should I?
        Always reset after an update.
        Thanks, will try.
        Worked for me.
        Great, thanks!""";
    assertEquals(FineWebQualityFilter.SHORT_LINES, f.apply(TestTexts.doc(chat, "en")).reason());
  }

  @Test
  void dropsDuplicatedLines() {
    String t = TestTexts.europarlEnglish(1).get(0);
    String first = t.lines().findFirst().orElseThrow();
    assertEquals(FineWebQualityFilter.CHAR_DUP, f.apply(TestTexts.doc(t + "\n" + first, "en")).reason());
  }

  @Test
  void dropsShortSentenceListsForListRatio() {
    String steps = "Preheat the oven.\nGrease a tin.\nSift the flour.\nAdd two eggs.\nBeat well.\nPour in milk.\n"
        + "Stir it in.\nBake for an hour.\nLet it cool.\nServe warm.";
    FineWebConfig d = FineWebConfig.defaults();
    FineWebQualityFilter noShort = new FineWebQualityFilter(
        new FineWebConfig(d.minLinePunctFrac(), d.lineEndPunctuation(), -1, 30, d.maxCharDupFrac(), 0.3));
    assertEquals(FineWebQualityFilter.LIST_RATIO, noShort.apply(TestTexts.doc(steps, "en")).reason());
  }

  @Test
  void everyThresholdBoundary() {
    String page = TestTexts.blockText(TestTexts.devHtml(3).get(2));
    Doc doc = TestTexts.doc(page, "en");
    FineWebQualityFilter.Stats s = f.measure(doc);
    FineWebConfig d = FineWebConfig.defaults();
    String p = d.lineEndPunctuation();
    // line_punct drops at <= threshold
    assertNull(new FineWebQualityFilter(new FineWebConfig(Math.nextDown(s.linePunctFrac()), p, -1, 30, -1, -1))
        .apply(doc).reason());
    assertEquals(FineWebQualityFilter.LINE_PUNCT,
        new FineWebQualityFilter(new FineWebConfig(s.linePunctFrac(), p, -1, 30, -1, -1)).apply(doc).reason());
    // short lines and char dup drop at >= threshold
    assertNull(new FineWebQualityFilter(new FineWebConfig(-1, p, Math.nextUp(s.shortLineFrac()), 30, -1, -1))
        .apply(doc).reason());
    assertEquals(FineWebQualityFilter.SHORT_LINES,
        new FineWebQualityFilter(new FineWebConfig(-1, p, s.shortLineFrac(), 30, -1, -1)).apply(doc).reason());
    if (s.charDupFrac() > 0) {
      assertNull(new FineWebQualityFilter(new FineWebConfig(-1, p, -1, 30, Math.nextUp(s.charDupFrac()), -1))
          .apply(doc).reason());
      assertEquals(FineWebQualityFilter.CHAR_DUP,
          new FineWebQualityFilter(new FineWebConfig(-1, p, -1, 30, s.charDupFrac(), -1)).apply(doc).reason());
    }
    // list ratio drops above threshold
    assertNull(new FineWebQualityFilter(new FineWebConfig(-1, p, -1, 30, -1, s.newlineWordRatio()))
        .apply(doc).reason());
    assertEquals(FineWebQualityFilter.LIST_RATIO,
        new FineWebQualityFilter(new FineWebConfig(-1, p, -1, 30, -1, Math.nextDown(s.newlineWordRatio())))
            .apply(doc).reason());
  }

  @Test
  void japaneseIsJudgedByItsOwnFullStops() {
    String ja = "東京は日本の首都である。\n人口は約千四百万人である。\n世界有数の大都市である。\n交通網が発達している。";
    assertNull(f.apply(TestTexts.doc(ja, "ja")).reason());
  }
}
