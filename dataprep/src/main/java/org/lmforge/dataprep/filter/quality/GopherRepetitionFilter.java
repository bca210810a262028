package org.lmforge.dataprep.filter.quality;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.ThresholdFilter;
import org.lmforge.dataprep.filter.text.PyText;
import org.lmforge.dataprep.filter.text.Scope;
import org.lmforge.dataprep.filter.text.WordTokenizer;

/**
 * Gopher repetition rules (Rae et al. 2021, App. A.1.1 and Table A1), deciding as datatrove's
 * {@code GopherRepetitionFilter}, in its order: duplicate paragraphs (count, then characters),
 * duplicate lines (count, then characters), the most frequent 2..4-gram, then repeated 5..10-grams;
 * every share is of the whole text's characters and every comparison strict ("above the threshold
 * drops").
 *
 * <ul>
 *   <li>paragraphs: the stripped text split at runs of two or more "\n"; lines: the text split at
 *       runs of "\n" (so blank lines are not lines, but lines of spaces are);
 *   <li>n-grams are over {@link WordTokenizer} tokens, punctuation included; a top n-gram counts
 *       its characters joined by spaces times its count (a text where nothing repeats still has a
 *       "most frequent" n-gram, its first, unless {@code topNGramMinCount} says otherwise);
 *   <li>repeated n-grams are counted left to right, skipping past each repeat, compared and
 *       measured as their tokens joined without spaces, as the reference does.
 * </ul>
 *
 * N-grams are hashed to 64 bits instead of being built as strings. No-space scripts skip the n-gram
 * rules when {@code skipWordRulesWithoutSpaces} ({@link Scope}).
 */
public final class GopherRepetitionFilter
    extends ThresholdFilter<RepetitionStats, GopherRepetitionConfig> {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "gopher_repetition";

  /** {@code top_2_gram} .. {@code top_4_gram}. */
  public static String topNGram(int n) {
    return NAME + ".top_" + n + "_gram";
  }

  /** {@code duplicated_5_grams} .. {@code duplicated_10_grams}. */
  public static String dupNGram(int n) {
    return NAME + ".duplicated_" + n + "_grams";
  }

  private static final Pattern PARAGRAPH = Pattern.compile("\n{2,}");
  private static final Pattern LINE = Pattern.compile("\n+");
  private static final long BASE = 0x100000001B3L;

  public GopherRepetitionFilter(GopherRepetitionConfig cfg) {
    super(NAME, cfg);
  }

  @Override
  public RepetitionStats measure(Doc d) {
    String text = d.text();
    double chars = PyText.len(text);
    String[] paras = PARAGRAPH.split(PyText.strip(text), -1);
    long[] paraDup = duplicates(List.of(paras));
    String[] lines = LINE.split(text, -1);
    long[] lineDup = duplicates(List.of(lines));
    double[] top = new double[0];
    double[] dup = new double[0];
    if (!Scope.skipWordRules(cfg.skipWordRulesWithoutSpaces(), d)) {
      List<String> words = WordTokenizer.words(text);
      int n = words.size();
      long[] h = new long[n]; // hash of the token's characters
      long[] pow = new long[n]; // BASE^length, to hash concatenations
      int[] len = new int[n];
      for (int i = 0; i < n; i++) {
        String w = words.get(i);
        long x = 0;
        long p = 1;
        for (int k = 0; k < w.length(); k++) {
          x = x * BASE + w.charAt(k);
          p *= BASE;
        }
        h[i] = x;
        pow[i] = p;
        len[i] = PyText.len(w);
      }
      LongCounts counts = new LongCounts(n);
      top = new double[3];
      for (int g = 2; g <= 4; g++) {
        top[g - 2] =
            chars == 0 ? 0 : topNGramChars(h, len, g, counts, cfg.topNGramMinCount()) / chars;
      }
      dup = new double[6];
      for (int g = 5; g <= 10; g++) {
        dup[g - 5] = chars == 0 ? 0 : dupNGramChars(h, pow, len, g, counts) / chars;
      }
    }
    return new RepetitionStats(
        lineDup[0] / (double) lines.length,
        paraDup[0] / (double) paras.length,
        chars == 0 ? 0 : lineDup[1] / chars,
        chars == 0 ? 0 : paraDup[1] / chars,
        top,
        dup);
  }

  /** The first rule that {@code s} breaks, in datatrove's order, or null. */
  @Override
  public String judge(RepetitionStats s) {
    if (above(s.dupParaFrac(), cfg.maxDupParaFrac())) return NAME + ".dup_para_frac";
    if (above(s.dupParaCharFrac(), cfg.maxDupParaCharFrac())) return NAME + ".dup_para_char_frac";
    if (above(s.dupLineFrac(), cfg.maxDupLineFrac())) return NAME + ".dup_line_frac";
    if (above(s.dupLineCharFrac(), cfg.maxDupLineCharFrac())) return NAME + ".dup_line_char_frac";
    double[] topMax = cfg.topNGram();
    for (int i = 0; i < s.topNGramCharFrac().length; i++) {
      if (above(s.topNGramCharFrac()[i], topMax[i])) return topNGram(i + 2);
    }
    double[] dupMax = cfg.dupNGram();
    for (int i = 0; i < s.dupNGramCharFrac().length; i++) {
      if (above(s.dupNGramCharFrac()[i], dupMax[i])) return dupNGram(i + 5);
    }
    return null;
  }

  /**
   * {count of repeated items, characters in repeated items}; the first occurrence is not a
   * duplicate.
   */
  static long[] duplicates(List<String> items) {
    Set<String> seen = new HashSet<>(items.size() * 2);
    long dupItems = 0;
    long dupChars = 0;
    for (String s : items) {
      if (!seen.add(s)) {
        dupItems++;
        dupChars += PyText.len(s);
      }
    }
    return new long[] {dupItems, dupChars};
  }

  /**
   * Hash of the token sequence start..start+n (tokens never contain spaces, so this is the joined
   * string's).
   */
  private static long sequenceHash(long[] h, int start, int n) {
    long x = n;
    for (int k = 0; k < n; k++) x = LongCounts.mix(x * 0x9E3779B97F4A7C15L + h[start + k]);
    return x;
  }

  /**
   * Hash of the tokens start..start+n concatenated without separator: equal strings, equal hashes.
   */
  private static long concatHash(long[] h, long[] pow, int start, int n) {
    long x = 0;
    for (int k = 0; k < n; k++) x = x * pow[start + k] + h[start + k];
    return LongCounts.mix(x);
  }

  /**
   * Characters of the most frequent n-gram (tokens joined by spaces) times its count; ties go to
   * the first seen (Python's Counter.most_common). 0 when its count is below {@code minCount}.
   */
  static long topNGramChars(long[] h, int[] len, int n, LongCounts counts, int minCount) {
    int windows = h.length - n + 1;
    if (windows <= 0) return 0;
    counts.clear(windows);
    long[] hashes = new long[windows];
    int maxCount = 0;
    for (int i = 0; i < windows; i++) {
      hashes[i] = sequenceHash(h, i, n);
      maxCount = Math.max(maxCount, counts.add(hashes[i]) + 1);
    }
    if (maxCount < minCount) return 0;
    for (int i = 0; i < windows; i++) {
      if (counts.count(hashes[i]) == maxCount) {
        long c = n - 1; // the joining spaces
        for (int k = 0; k < n; k++) c += len[i + k];
        return c * maxCount;
      }
    }
    return 0;
  }

  /**
   * Characters in repeated n-grams as the reference counts them: scan left to right; an n-gram (its
   * tokens concatenated) seen before adds its characters and the scan jumps past it.
   */
  static long dupNGramChars(long[] h, long[] pow, int[] len, int n, LongCounts seen) {
    int windows = h.length - n + 1;
    if (windows <= 0) return 0;
    seen.clear(windows);
    long chars = 0;
    int i = 0;
    while (i < windows) {
      // one probe: add returns the count before, and only "seen before" matters here
      if (seen.add(concatHash(h, pow, i, n)) > 0) {
        for (int k = 0; k < n; k++) chars += len[i + k];
        i += n;
      } else {
        i++;
      }
    }
    return chars;
  }
}
