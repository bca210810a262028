package org.lmforge.dataprep.filter.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmforge.config.Records;
import org.lmforge.dataprep.filter.TestTexts;
import org.lmforge.dataprep.filter.Verdict;

/** Each C4 rule on both sides of its default threshold, and the order of the line checks. */
class C4QualityFilterTest {
  private final C4QualityFilter f = new C4QualityFilter(C4Config.defaults());

  private static final List<String> LINES =
      List.of(
          "Parliament approved the new fisheries budget.",
          "Several members asked about rural hospitals.",
          "A delegation presented plans for cleaner harbours.",
          "Farmers reported record harvests this year.",
          "Teachers called for smaller classes.",
          "Engineers proposed new railway links.");

  private Verdict apply(String text) {
    return f.apply(TestTexts.doc(text, "en"));
  }

  private static String lines(int n, String... extra) {
    StringBuilder b = new StringBuilder(String.join("\n", LINES.subList(0, n)));
    for (String e : extra) b.append('\n').append(e);
    return b.toString();
  }

  @Test
  void fiveSentencesAreEnough() {
    assertEquals("c4.too_few_sentences", apply(lines(4)).reason());
    Verdict five = apply(lines(5));
    assertNull(five.reason());
    assertEquals(lines(5), five.doc().text());
    // sentences, not lines: one line of five sentences is enough, abbreviations do not end one
    assertNull(
        apply("One two three. Four five six! Seven eight nine? Ten eleven. Twelve thirteen.")
            .reason());
    assertEquals(
        "c4.too_few_sentences",
        apply(
                "Dr. Smith met Mr. Jones.\nThey spoke e.g. about the U.S. economy.\nIt was 5 p.m. then.\n"
                    + "Nothing else happened.")
            .reason());
  }

  @Test
  void shortLinesAreRemovedBeforeTheyCanDropThePage() {
    // a two-word line is removed by the word rule before the lorem-ipsum and curly-bracket checks
    // see it
    Verdict v = apply(lines(5, "Lorem ipsum", "{x}", "Menu"));
    assertNull(v.reason());
    assertEquals(lines(5), v.doc().text());
    assertEquals(3, v.edits().get("c4.line_too_few_words"));
    assertEquals("c4.lorem_ipsum", apply(lines(5, "Lorem ipsum dolor sit amet.")).reason());
    assertEquals("c4.curly_bracket", apply(lines(5, "The code is { x } here.")).reason());
  }

  @Test
  void lineRulesRemoveLinesAndCountThem() {
    Verdict v =
        apply(
            lines(
                5,
                "Please enable JavaScript to continue.",
                "Read our privacy policy here.",
                "Sources say so [1] and [citation needed] too.",
                "x".repeat(1001) + " is one long word."));
    assertNull(v.reason());
    assertEquals(lines(5, "Sources say so  and  too."), v.doc().text());
    assertEquals(1, v.edits().get("c4.line_javascript"));
    assertEquals(1, v.edits().get("c4.line_policy"));
    assertEquals(1, v.edits().get("c4.citations_removed"));
    assertEquals(1, v.edits().get("c4.line_long_word"));
    // a word of exactly 1000 characters is allowed
    assertTrue(
        apply(lines(5, "y".repeat(1000) + " stays here.")).doc().text().contains("y".repeat(1000)));
    // removed lines do not count: four kept sentences plus a javascript line is too few
    assertEquals(
        "c4.too_few_sentences", apply(lines(4, "Please enable JavaScript to continue.")).reason());
  }

  @Test
  void wordsOfALineAreCountedBeforeCitationsAreCut() {
    // "[1] [2] Yes." has three words before the cut, so it stays (as "  Yes.")
    Verdict v = apply(lines(5, "[1] [2] Yes."));
    assertEquals(lines(5, "  Yes."), v.doc().text());
  }

  @Test
  void terminalPunctuationRuleWhenEnabled() {
    C4QualityFilter strict =
        new C4QualityFilter(Records.with(C4Config.defaults(), "filterNoTerminalPunct", true));
    Verdict v =
        strict.apply(
            TestTexts.doc(
                lines(
                    5,
                    "No final mark here",
                    "Trailing ellipsis here...",
                    "She said \"yes.\"",
                    "It is cited here.[1]"),
                "en"));
    assertEquals(lines(5, "She said \"yes.\"", "It is cited here."), v.doc().text());
    assertEquals(2, v.edits().get("c4.line_no_terminal_punct"));
  }

  @Test
  void keepsRealEnglishProse() {
    for (String t : TestTexts.europarlEnglish(20)) {
      assertNull(apply(t).reason(), t.substring(0, 80));
    }
  }
}
