package org.lmforge.dataprep.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Word splitting and script detection shared by the rule families (lines are split as Python splits
 * them, by {@link org.lmforge.dataprep.filter.text.PyText}).
 *
 * <p>Words: whitespace-separated tokens with leading and trailing punctuation stripped; a token
 * made only of punctuation or symbols is not a word. This matches what the Gopher rules count
 * (datatrove drops NLTK tokens that are in {@code string.punctuation}) without a per-language
 * tokenizer.
 *
 * <p>Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar,
 * Tibetan) have no such words: a whole sentence is one "word". Rules that count words are skipped
 * for them (see {@link #isNoSpaceScript}); line-based rules still apply.
 */
public final class Words {
  private Words() {}

  /** Languages (ISO 639-1) written without spaces between words. */
  public static final Set<String> NO_SPACE_LANGUAGES =
      Set.of("zh", "ja", "th", "lo", "km", "my", "bo");

  /** Words of {@code text}, punctuation stripped at both ends, case kept. */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>(Math.max(16, text.length() / 6));
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(text.charAt(i))) i++;
      int start = i;
      while (i < n && !isSpace(text.charAt(i))) i++;
      int end = i;
      while (start < end && !Character.isLetterOrDigit(text.charAt(start))) start++;
      while (end > start && !Character.isLetterOrDigit(text.charAt(end - 1))) end--;
      if (end > start) out.add(text.substring(start, end));
    }
    return out;
  }

  public static boolean isSpace(char c) {
    return c == ' '
        || c == '\n'
        || c == '\t'
        || c == '\r'
        || c == '\u00A0'
        || c == '\u3000'
        || (c > 127 && Character.isWhitespace(c));
  }

  /**
   * True when the document is written in a script without word spaces: its language is one of
   * {@link #NO_SPACE_LANGUAGES}, or at least 30% of its letters are Han, kana, Thai, Lao, Khmer,
   * Myanmar or Tibetan (language ID can say "unknown" or pick a neighbour on mixed pages).
   */
  public static boolean isNoSpaceScript(String text, String language) {
    if (language != null && NO_SPACE_LANGUAGES.contains(language)) return true;
    int letters = 0;
    int noSpace = 0;
    int n = Math.min(text.length(), 20_000);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') letters++;
        continue;
      }
      if (isNoSpaceChar(c)) {
        noSpace++;
        letters++;
      } else if (Character.isLetter(c)) {
        letters++;
      }
    }
    return letters > 0 && noSpace >= 0.3 * letters;
  }

  /** True for characters of scripts written without word spaces (Han, kana, Thai, Lao, ...). */
  public static boolean isNoSpaceChar(char c) {
    return (c >= 0x0E00 && c <= 0x0EFF) // Thai, Lao
        || (c >= 0x0F00 && c <= 0x0FFF) // Tibetan
        || (c >= 0x1000 && c <= 0x109F) // Myanmar
        || (c >= 0x1780 && c <= 0x17FF) // Khmer
        || (c >= 0x3040 && c <= 0x30FF) // Hiragana, Katakana
        || (c >= 0x3400 && c <= 0x4DBF) // CJK extension A
        || (c >= 0x4E00 && c <= 0x9FFF) // CJK unified ideographs
        || (c >= 0xF900 && c <= 0xFAFF); // CJK compatibility ideographs
  }
}
