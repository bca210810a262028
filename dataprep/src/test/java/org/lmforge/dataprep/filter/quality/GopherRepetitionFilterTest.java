package org.lmforge.dataprep.filter.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.TestTexts;

class GopherRepetitionFilterTest {
  private final GopherRepetitionFilter f = new GopherRepetitionFilter(GopherRepetitionConfig.defaults());

  @Test
  void keepsRealProse() {
    for (String t : TestTexts.europarlEnglish(30)) {
      assertNull(f.apply(TestTexts.doc(t, "en")).reason(), t.substring(0, 60));
    }
  }

  @Test
  void dropsRepeatedLinesAndParagraphs() {
    String[] paras = TestTexts.europarlEnglish(1).get(0).split("\n");
    StringBuilder lines = new StringBuilder();
    StringBuilder blocks = new StringBuilder();
    for (String p : paras) {
      lines.append(p).append("\nShare this article\nPrint\n");
      blocks.append(p).append("\n\nRelated: European Parliament debates of the week\n\n");
    }
    assertEquals(GopherRepetitionFilter.DUP_LINE_FRAC, f.apply(TestTexts.doc(lines.toString(), "en")).reason());
    assertEquals(GopherRepetitionFilter.DUP_PARA_FRAC, f.apply(TestTexts.doc(blocks.toString(), "en")).reason());
  }

  @Test
  void dropsAPageWhoseTextIsServedTwice() {
    String t = TestTexts.europarlEnglish(2).get(1).replace('\n', ' ');
    assertEquals(GopherRepetitionFilter.dupNGram(5), f.apply(TestTexts.doc(t + " " + t, "en")).reason());
  }

  @Test
  void dropsKeywordStuffingByTop2Gram() {
    String t = TestTexts.europarlEnglish(3).get(2).replace('\n', ' ');
    String[] w = t.split(" ");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < w.length; i++) {
      b.append(w[i]).append(' ');
      if (i % 4 == 3) b.append("cheap flights ");
    }
    assertEquals(GopherRepetitionFilter.topNGram(2), f.apply(TestTexts.doc(b.toString(), "en")).reason());
  }

  /** Every rule keeps a real page when its threshold equals the measured value and drops it just below. */
  @Test
  void everyThresholdBoundary() {
    String page = null;
    RepetitionStats s = null;
    for (String html : TestTexts.devHtml(40)) {
      String text = TestTexts.blockText(html);
      RepetitionStats m = f.measure(TestTexts.doc(text, "en"));
      boolean allPositive = m.dupLineFrac() > 0 && m.dupParaFrac() >= 0 && m.dupLineCharFrac() > 0
          && m.topNGramCharFrac().length == 3 && Arrays.stream(m.dupNGramCharFrac()).allMatch(x -> x > 0);
      if (allPositive) {
        page = text;
        s = m;
        break;
      }
    }
    assertTrue(page != null, "no repetitive page among the first 40 dev pages");
    double[] stats = {s.dupLineFrac(), s.dupParaFrac(), s.dupLineCharFrac(), s.dupParaCharFrac(),
        s.topNGramCharFrac()[0], s.topNGramCharFrac()[1], s.topNGramCharFrac()[2], s.dupNGramCharFrac()[0],
        s.dupNGramCharFrac()[1], s.dupNGramCharFrac()[2], s.dupNGramCharFrac()[3], s.dupNGramCharFrac()[4],
        s.dupNGramCharFrac()[5]};
    String[] reasons = {GopherRepetitionFilter.DUP_LINE_FRAC, GopherRepetitionFilter.DUP_PARA_FRAC,
        GopherRepetitionFilter.DUP_LINE_CHAR_FRAC, GopherRepetitionFilter.DUP_PARA_CHAR_FRAC,
        GopherRepetitionFilter.topNGram(2), GopherRepetitionFilter.topNGram(3), GopherRepetitionFilter.topNGram(4),
        GopherRepetitionFilter.dupNGram(5), GopherRepetitionFilter.dupNGram(6), GopherRepetitionFilter.dupNGram(7),
        GopherRepetitionFilter.dupNGram(8), GopherRepetitionFilter.dupNGram(9), GopherRepetitionFilter.dupNGram(10)};
    Doc d = TestTexts.doc(page, "en");
    for (int i = 0; i < stats.length; i++) {
      if (stats[i] == 0) continue; // a paragraph rule on a page without blank lines
      double[] at = new double[13];
      Arrays.fill(at, -1);
      at[i] = stats[i];
      assertNull(new GopherRepetitionFilter(config(at)).apply(d).reason(), reasons[i] + " at threshold");
      at[i] = Math.nextDown(stats[i]);
      assertEquals(reasons[i], new GopherRepetitionFilter(config(at)).apply(d).reason());
    }
  }

  private static GopherRepetitionConfig config(double[] t) {
    return new GopherRepetitionConfig(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11],
        t[12]);
  }

  @Test
  void chineseSkipsNGramRulesButNotLineRules() {
    String zh = "北京是中华人民共和国的首都，也是全国的政治、文化和国际交往中心。\n北京有三千多年的建城史和八百多年的建都史。\n"
        + "市内有故宫、天坛、颐和园等世界文化遗产。";
    assertNull(f.apply(TestTexts.doc(zh, "zh")).reason());
    assertEquals(0, f.measure(TestTexts.doc(zh, "zh")).dupNGramCharFrac().length);
    String repeated = zh + "\n" + zh + "\n" + zh;
    assertEquals(GopherRepetitionFilter.DUP_LINE_FRAC, f.apply(TestTexts.doc(repeated, "zh")).reason());
  }

  @Test
  void dupNGramCountsLikeGopher() {
    // words a b c d e a b c d e: the second 5-gram "a b c d e" repeats once, 9 characters
    long[] h = {1, 2, 3, 4, 5, 1, 2, 3, 4, 5};
    int[] len = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    assertEquals(9, GopherRepetitionFilter.dupNGramChars(h, len, 5, new LongCounts(8)));
    // most frequent 2-gram "a b" occurs twice, 3 characters each
    assertEquals(6, GopherRepetitionFilter.topNGramChars(h, len, 2, new LongCounts(8)));
  }
}
