package org.lmforge.dataprep.tokenize;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * GPT-2's pre-tokenisation: splits text into the pieces BPE merges never cross, by the regex {@link
 * #GPT2_PATTERN} compiled with {@code UNICODE_CHARACTER_CLASS} (so {@code \s} is Unicode
 * White_Space, as in GPT-2's Python {@code regex} and in tiktoken/JTokkit's r50k_base).
 *
 * <p>The splitting here is a hand-written scanner over UTF-8 bytes that yields exactly the regex's
 * matches on valid UTF-8 (PreTokenizerTest checks it against the Pattern) and is several times
 * faster. Working on bytes lets invalid UTF-8 through unchanged: each byte that is not part of a
 * well-formed sequence counts as one "other" character (like the U+FFFD a decoder would put there),
 * so every byte lands in exactly one piece.
 */
public final class PreTokenizer {

  /** GPT-2's pre-token regex (openai/gpt-2 encoder.py). */
  public static final String GPT2_REGEX =
      "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";

  /** The reference Pattern; the scanner must split exactly like it. */
  public static final Pattern GPT2_PATTERN =
      Pattern.compile(GPT2_REGEX, Pattern.UNICODE_CHARACTER_CLASS);

  /** Receives each piece as a byte range [start, end) of the scanned array. */
  @FunctionalInterface
  public interface Sink {
    void accept(int start, int end);
  }

  static final int LETTER = 0;
  static final int NUMBER = 1;
  static final int SPACE = 2;
  static final int OTHER = 3;

  private static final byte[] ASCII_CLASS = new byte[128];

  static {
    for (int c = 0; c < 128; c++) ASCII_CLASS[c] = (byte) classOf(c);
  }

  private PreTokenizer() {}

  /**
   * Calls {@code sink} for each piece of {@code bytes[from, to)}, in order, covering every byte
   * once.
   */
  public static void split(byte[] bytes, int from, int to, Sink sink) {
    int p = from;
    while (p < to) {
      int c = bytes[p] & 0xFF;
      if (c == '\'') {
        int n = contraction(bytes, p, to);
        if (n > 0) {
          sink.accept(p, p + n);
          p += n;
          continue;
        }
      }
      int info = classify(bytes, p, to);
      int cls = info & 3;
      if (c == ' ' && p + 1 < to) {
        int nextCls = classify(bytes, p + 1, to) & 3;
        if (nextCls != SPACE) {
          int end = run(bytes, p + 1, to, nextCls);
          sink.accept(p, end);
          p = end;
          continue;
        }
      }
      if (cls != SPACE) {
        int end = run(bytes, p, to, cls);
        sink.accept(p, end);
        p = end;
        continue;
      }
      // Whitespace: \s+(?!\S) takes the run but leaves its last character to prefix the next word;
      // a lone whitespace character before a non-space falls to \s+ and stands alone.
      int q = p;
      int last = p;
      int count = 0;
      while (q < to) {
        int i = classify(bytes, q, to);
        if ((i & 3) != SPACE) break;
        last = q;
        q += i >>> 2;
        count++;
      }
      int end = (q == to || count == 1) ? q : last;
      sink.accept(p, end);
      p = end;
    }
  }

  /** The pieces of a string, as strings (the form the corpus-wide pre-token count keys on). */
  public static List<String> split(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    split(
        bytes,
        0,
        bytes.length,
        (s, e) -> out.add(new String(bytes, s, e - s, StandardCharsets.UTF_8)));
    return out;
  }

  /**
   * Length of the contraction ('s 't 're 've 'm 'll 'd) starting at p, or 0. Case-sensitive, like
   * GPT-2.
   */
  private static int contraction(byte[] b, int p, int to) {
    if (p + 1 >= to) return 0;
    int c1 = b[p + 1];
    if (c1 == 's' || c1 == 't' || c1 == 'm' || c1 == 'd') return 2;
    if (p + 2 >= to) return 0;
    int c2 = b[p + 2];
    if ((c1 == 'r' && c2 == 'e') || (c1 == 'v' && c2 == 'e') || (c1 == 'l' && c2 == 'l')) return 3;
    return 0;
  }

  /** End of the run of characters of class {@code cls} starting at p. */
  private static int run(byte[] b, int p, int to, int cls) {
    while (p < to) {
      int c = b[p];
      if (c >= 0) {
        if (ASCII_CLASS[c] != cls) return p;
        p++;
      } else {
        int info = classify(b, p, to);
        if ((info & 3) != cls) return p;
        p += info >>> 2;
      }
    }
    return p;
  }

  /** Class of the character at p in the low 2 bits, its UTF-8 length above them. */
  static int classify(byte[] b, int p, int to) {
    int c = b[p];
    if (c >= 0) return ASCII_CLASS[c] | (1 << 2);
    c &= 0xFF;
    int cp;
    int len;
    if (c >= 0xC2 && c <= 0xDF) {
      if (p + 1 >= to || !cont(b[p + 1])) return OTHER | (1 << 2);
      cp = ((c & 0x1F) << 6) | (b[p + 1] & 0x3F);
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      if (p + 2 >= to || !cont(b[p + 1]) || !cont(b[p + 2])) return OTHER | (1 << 2);
      cp = ((c & 0x0F) << 12) | ((b[p + 1] & 0x3F) << 6) | (b[p + 2] & 0x3F);
      if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))
        return OTHER | (1 << 2); // overlong or surrogate
      len = 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (p + 3 >= to || !cont(b[p + 1]) || !cont(b[p + 2]) || !cont(b[p + 3]))
        return OTHER | (1 << 2);
      cp =
          ((c & 0x07) << 18)
              | ((b[p + 1] & 0x3F) << 12)
              | ((b[p + 2] & 0x3F) << 6)
              | (b[p + 3] & 0x3F);
      if (cp < 0x10000 || cp > 0x10FFFF) return OTHER | (1 << 2);
      len = 4;
    } else {
      return OTHER | (1 << 2); // stray continuation byte or invalid lead byte
    }
    return classOf(cp) | (len << 2);
  }

  private static boolean cont(byte b) {
    return (b & 0xC0) == 0x80;
  }

  /** \p{L}, \p{N}, \s (Unicode White_Space, as java.util.regex defines it) or other. */
  static int classOf(int cp) {
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
      Character.LOWERCASE_LETTER,
      Character.TITLECASE_LETTER,
      Character.MODIFIER_LETTER,
      Character.OTHER_LETTER:
        return LETTER;
      case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER:
        return NUMBER;
      case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR:
        return SPACE;
      default:
        return (cp >= 0x9 && cp <= 0xD) || cp == 0x85 ? SPACE : OTHER;
    }
  }
}
