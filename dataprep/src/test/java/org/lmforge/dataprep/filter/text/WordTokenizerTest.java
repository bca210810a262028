package org.lmforge.dataprep.filter.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tokens as the reference tokenizer gives them (expected values worked out from its rules, by
 * hand).
 */
class WordTokenizerTest {

  private static void tokens(String text, String... expected) {
    assertEquals(List.of(expected), WordTokenizer.words(text), text);
  }

  @Test
  void splitsPunctuationHyphensAndClitics() {
    tokens(
        "It's a well-known fact, isn't it?",
        "It",
        "'s",
        "a",
        "well",
        "-",
        "known",
        "fact",
        ",",
        "is",
        "n't",
        "it",
        "?");
    tokens("Dr. Smith paid $3.50 in 1999.", "Dr.", "Smith", "paid", "$", "3.50", "in", "1999", ".");
    tokens("U.S.A. e.g. foo... bar", "U.S.A.", "e.g.", "foo", "...", "bar");
    tokens("state-of-the-art", "state", "-", "of", "-", "the", "-", "art");
    tokens("\"Hi,\" she said.", "\"", "Hi", ",", "\"", "she", "said", ".");
    tokens(
        "I can't and won't; cannot.", "I", "ca", "n't", "and", "wo", "n't", ";", "can", "not", ".");
    tokens("10km. 5%. ABC. A.", "10", "km", ".", "5", "%", ".", "ABC", ".", "A.");
    tokens("#tag (x) --- -word", "#", "tag", "(", "x", ")", "---", "-word");
    tokens("see www.example.com/path. now", "see", "www.example.com/path", ".", "now");
    tokens("z.B. im. end.Then", "z.", "B.", "i", "m.", "end", ".", "Then");
    tokens("  two\n\nlines\t", "two", "lines");
  }

  @Test
  void countsSentencesAtFinalMarks() {
    assertEquals(3, WordTokenizer.sentenceCount("One two. Three four! Five six?"));
    assertEquals(1, WordTokenizer.sentenceCount("Dr. Smith met Mr. Jones at 5 p.m. today"));
    assertEquals(
        1,
        WordTokenizer.sentenceCount("Wait for it... and then"),
        "an ellipsis is not a final mark");
    assertEquals(
        2,
        WordTokenizer.sentenceCount("He said \"stop.\" She left."),
        "closing quote stays with it");
    assertEquals(2, WordTokenizer.sentenceCount("Why?! Because."));
    assertEquals(1, WordTokenizer.sentenceCount("No final mark at all"));
    assertEquals(0, WordTokenizer.sentenceCount(""));
  }

  @Test
  void symbolTokensAreThoseOfTheReferencePunctuationSet() {
    assertTrue(WordTokenizer.isSymbolToken("..."));
    assertTrue(WordTokenizer.isSymbolToken("--"));
    assertTrue(
        WordTokenizer.isSymbolToken("１"), "the full-width digit one is in the reference set");
    assertFalse(WordTokenizer.isSymbolToken("•"), "the bullet is not");
    assertFalse(WordTokenizer.isSymbolToken("n't"));
    assertFalse(WordTokenizer.isSymbolToken("1"));
  }

  @Test
  void pythonStringSemantics() {
    assertEquals(List.of("a", "b", "", "c"), PyText.splitlines("a\r\nb\u2028\nc\n"));
    assertEquals("x", PyText.strip("\u00a0 x\u3000"));
    assertEquals(1, PyText.len("\uD83D\uDE00"), "one code point");
    assertEquals(List.of("a", "", "b", ""), PyText.splitOnNewline("a\n\nb\n"));
  }
}
