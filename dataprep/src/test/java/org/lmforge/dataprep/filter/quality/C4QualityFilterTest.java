package org.lmforge.dataprep.filter.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmforge.dataprep.filter.TestTexts;
import org.lmforge.dataprep.filter.Verdict;

class C4QualityFilterTest {
  private final C4QualityFilter f = new C4QualityFilter(C4Config.defaults());

  private static C4Config with(boolean noTerminal, int minSentences, int minWordsPerLine) {
    C4Config d = C4Config.defaults();
    return new C4Config(d.removeCitations(), noTerminal, minSentences, minWordsPerLine, d.maxWordLength(),
        d.filterLoremIpsum(), d.filterJavascript(), d.filterCurlyBracket(), d.filterPolicy(),
        d.terminalPunctuation(), d.policySubstrings());
  }

  @Test
  void keepsRealProse() {
    for (String t : TestTexts.europarlEnglish(20)) {
      assertNull(f.apply(TestTexts.doc(t, "en")).reason());
    }
  }

  @Test
  void dropsLoremIpsumAndCode() {
    String lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut "
        + "labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.";
    String page = TestTexts.europarlEnglish(1).get(0) + "\n" + lorem;
    assertEquals(C4QualityFilter.LOREM_IPSUM, f.apply(TestTexts.doc(page, "en")).reason());
    String code = TestTexts.europarlEnglish(1).get(0)
        + "\nfunction toggleMenu() { document.body.classList.toggle('menu-open'); return false; }";
    assertEquals(C4QualityFilter.CURLY_BRACKET, f.apply(TestTexts.doc(code, "en")).reason());
  }

  @Test
  void removesJavascriptPolicyAndShortLinesAndCountsThem() {
    String prose = TestTexts.europarlEnglish(1).get(0);
    String page = "Home\n" + prose + "\nPlease enable JavaScript to view the comments powered by Disqus.\n"
        + "This website uses cookies to ensure you get the best experience.\nPosted in News";
    Verdict v = f.apply(TestTexts.doc(page, "en"));
    assertNull(v.reason());
    assertEquals(1, v.edits().get(C4QualityFilter.LINE_JAVASCRIPT));
    assertEquals(1, v.edits().get(C4QualityFilter.LINE_POLICY));
    assertEquals(1, v.edits().get(C4QualityFilter.LINE_TOO_FEW_WORDS)); // "Home"; "Posted in News" has 3 words
    assertFalse(v.doc().text().contains("JavaScript"));
    assertTrue(v.doc().text().startsWith(prose.lines().findFirst().orElseThrow().strip()));
    assertTrue(v.charsRemoved() > 100);
  }

  @Test
  void terminalPunctuationRuleWhenEnabled() {
    C4QualityFilter strict = new C4QualityFilter(with(true, 5, 3));
    String page = TestTexts.europarlEnglish(1).get(0) + "\nRead more about the plenary session\nNext article...";
    Verdict v = strict.apply(TestTexts.doc(page, "en"));
    assertNull(v.reason());
    assertTrue(v.edits().get(C4QualityFilter.LINE_NO_TERMINAL_PUNCT) >= 2);
    assertFalse(v.doc().text().contains("Read more"));
  }

  @Test
  void dropsPagesWithFewSentencesAndBoundary() {
    String three = "The committee met on Tuesday. It adopted the report by a large majority. The vote in plenary "
        + "is expected in March.";
    assertEquals(C4QualityFilter.TOO_FEW_SENTENCES, f.apply(TestTexts.doc(three, "en")).reason());
    assertNull(new C4QualityFilter(with(false, 3, 3)).apply(TestTexts.doc(three, "en")).reason());
    assertEquals(C4QualityFilter.TOO_FEW_SENTENCES,
        new C4QualityFilter(with(false, 4, 3)).apply(TestTexts.doc(three, "en")).reason());
  }

  @Test
  void wordsPerLineBoundary() {
    String text = "Votes were counted.\nThe session closed early.\nIt was very late.\nMembers went back home.\n"
        + "Nothing else happened today.";
    Verdict at = new C4QualityFilter(with(false, 1, 3)).apply(TestTexts.doc(text, "en"));
    assertNull(at.reason());
    assertEquals(text, at.doc().text());
    Verdict above = new C4QualityFilter(with(false, 1, 4)).apply(TestTexts.doc(text, "en"));
    assertEquals(1, above.edits().get(C4QualityFilter.LINE_TOO_FEW_WORDS)); // "Votes were counted." has 3
  }

  @Test
  void chineseLinesAreNotRemovedForWordCount() {
    String zh = "北京是中华人民共和国的首都。\n北京有三千多年的建城史。\n市内有故宫、天坛等世界文化遗产。\n北京的交通十分便利。\n"
        + "每年都有很多游客来北京旅游。";
    Verdict v = new C4QualityFilter(with(true, 5, 3)).apply(TestTexts.doc(zh, "zh"));
    assertNull(v.reason());
    assertEquals(zh, v.doc().text());
    assertTrue(List.of(v.edits().keySet().toArray()).isEmpty());
  }
}
