package org.lmforge.dataprep.dedup;

import java.util.Arrays;
import net.openhft.hashing.LongHashFunction;

/**
 * Line-level dedupe primitives (CCNet, Wenzek et al. 2020, section 3.3): a line is hashed after
 * lower-casing, replacing digits by 0 and dropping punctuation, symbols and whitespace, so "Page 1
 * of 3" and "page 2 of 3" collide. A line with nothing left after normalisation (blank, "-----")
 * gets hash 0 and is never removed.
 */
public final class LineHashes {
  private static final LongHashFunction XX = LongHashFunction.xx3();

  /** The text with some lines removed, and how much was removed. */
  public record Removal(String text, int linesRemoved, int charsRemoved) {}

  private LineHashes() {}

  /** Hash of one line's normalised form, or 0 if nothing is left after normalisation. */
  public static long hash(CharSequence line, int from, int to) {
    StringBuilder sb = new StringBuilder(Math.max(0, to - from));
    for (int i = from; i < to; ) {
      int cp = Character.codePointAt(line, i);
      i += Character.charCount(cp);
      if (Character.isDigit(cp)) {
        sb.append('0');
      } else if (Character.isLetter(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
        sb.appendCodePoint(Character.toLowerCase(cp));
      }
    }
    if (sb.length() == 0) {
      return 0L;
    }
    long h = XX.hashChars(sb);
    return h == 0L ? 1L : h;
  }

  /**
   * Sorted distinct non-zero hashes of the lines ("\n"-separated) of a text; empty for null text.
   */
  public static long[] distinct(String text) {
    if (text == null || text.isEmpty()) {
      return new long[0];
    }
    long[] out = new long[16];
    int n = 0;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      long h = hash(text, start, end);
      if (h != 0L) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = h;
      }
      start = end + 1;
    }
    return Sorted.distinct(out, n);
  }

  /**
   * Removes every line whose hash is in {@code remove} (sorted). Removed characters count the line
   * and its line break.
   */
  public static Removal remove(String text, long[] remove) {
    if (text == null || remove == null || remove.length == 0) {
      return new Removal(text, 0, 0);
    }
    StringBuilder kept = new StringBuilder(text.length());
    int lines = 0;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      boolean last = end < 0;
      if (last) {
        end = text.length();
      }
      long h = hash(text, start, end);
      if (h != 0L && Arrays.binarySearch(remove, h) >= 0) {
        lines++;
      } else {
        if (kept.length() > 0) {
          kept.append('\n');
        }
        kept.append(text, start, end);
      }
      start = end + 1;
    }
    if (lines == 0) {
      return new Removal(text, 0, 0);
    }
    String out = kept.toString();
    return new Removal(out, lines, text.length() - out.length());
  }
}
