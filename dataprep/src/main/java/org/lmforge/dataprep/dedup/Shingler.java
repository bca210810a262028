package org.lmforge.dataprep.dedup;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Word n-gram shingles of a text as sorted distinct 64-bit hashes. A word is a maximal run of
 * letters, digits and combining marks, lower-cased (the same split as {@code
 * RegexTokenizer("[^\\p{L}\\p{N}]+")}); in scripts written without spaces (Han, Hiragana, Katakana,
 * Thai, Lao, Khmer, Myanmar, Tibetan) every character is its own word, so a Chinese page gets
 * character n-grams instead of one giant token. A text with at least one but fewer than n words
 * gets one shingle of all its words; a text without words gets none.
 */
public final class Shingler implements Serializable {
  private final int n;

  public Shingler(int n) {
    this.n = n;
  }

  /** Sorted distinct shingle hashes. */
  public long[] shingles(String text) {
    if (text == null || text.isEmpty()) {
      return new long[0];
    }
    long[] words = words(text);
    int w = words.length;
    if (w == 0) {
      return new long[0];
    }
    int count = Math.max(1, w - n + 1);
    int len = Math.min(n, w);
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      long h = 0x9E3779B97F4A7C15L * len;
      for (int j = 0; j < len; j++) {
        h = Mix.fmix64(h * 31 + words[i + j]);
      }
      out[i] = h;
    }
    return Sorted.distinct(out, count);
  }

  /**
   * The 32-bit set used for exact verification: the high halves of the shingle hashes, sorted,
   * distinct. {@code shingles} is sorted as {@link #shingles} returns it; a long's high half
   * decides its signed order, so the halves come out sorted too and one pass drops the repeats.
   */
  public static int[] compact(long[] shingles) {
    int[] out = new int[shingles.length];
    int m = 0;
    for (long s : shingles) {
      int high = (int) (s >>> 32);
      if (m == 0 || high != out[m - 1]) out[m++] = high;
    }
    return m == out.length ? out : Arrays.copyOf(out, m);
  }

  /** Hash of each word in order (FNV-1a over the lower-cased code points, then fmix64). */
  static long[] words(String text) {
    long[] out = new long[Math.max(16, text.length() / 6)];
    int n = 0;
    long h = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      boolean wordChar =
          Character.isLetterOrDigit(cp)
              || Character.getType(cp) == Character.NON_SPACING_MARK
              || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
      boolean single = wordChar && unspaced(cp);
      if (wordChar && !single) {
        if (!inWord) {
          h = 0xcbf29ce484222325L;
          inWord = true;
        }
        h = (h ^ Character.toLowerCase(cp)) * 0x100000001b3L;
        continue;
      }
      if (inWord) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = Mix.fmix64(h);
        inWord = false;
      }
      if (single) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = Mix.fmix64((0xcbf29ce484222325L ^ cp) * 0x100000001b3L);
      }
    }
    if (inWord) {
      if (n == out.length) {
        out = Arrays.copyOf(out, n + 1);
      }
      out[n++] = Mix.fmix64(h);
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  private static boolean unspaced(int cp) {
    if (cp < 0x0E00) {
      return false;
    }
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN
        || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA
        || s == Character.UnicodeScript.THAI
        || s == Character.UnicodeScript.LAO
        || s == Character.UnicodeScript.KHMER
        || s == Character.UnicodeScript.MYANMAR
        || s == Character.UnicodeScript.TIBETAN;
  }
}
