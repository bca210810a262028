package org.lmforge.dataprep.filter.quality;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.DocFilter;
import org.lmforge.dataprep.filter.Verdict;
import org.lmforge.dataprep.filter.Words;

/**
 * Gopher repetition rules (Rae et al. 2021, App. A.1.1 and Table A1): duplicate lines and paragraphs, the
 * most frequent 2..4-gram, and repeated 5..10-grams, each as a share of the document. Blank lines are not
 * lines here (a "\n\n" paragraph break would otherwise count as duplicate empty lines). N-grams are hashed
 * to 64 bits instead of joined into strings. For text without word spaces the n-gram rules are skipped.
 */
public final class GopherRepetitionFilter implements DocFilter {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "gopher_repetition";

  public static final String DUP_PARA_FRAC = NAME + ".dup_para_frac";
  public static final String DUP_PARA_CHAR_FRAC = NAME + ".dup_para_char_frac";
  public static final String DUP_LINE_FRAC = NAME + ".dup_line_frac";
  public static final String DUP_LINE_CHAR_FRAC = NAME + ".dup_line_char_frac";

  /** {@code top_2_gram} .. {@code top_4_gram}. */
  public static String topNGram(int n) {
    return NAME + ".top_" + n + "_gram";
  }

  /** {@code duplicated_5_grams} .. {@code duplicated_10_grams}. */
  public static String dupNGram(int n) {
    return NAME + ".duplicated_" + n + "_grams";
  }

  private static final Pattern PARAGRAPH = Pattern.compile("\\n\\s*\\n");

  private final GopherRepetitionConfig cfg;

  public GopherRepetitionFilter(GopherRepetitionConfig cfg) {
    this.cfg = cfg;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Verdict apply(Doc d) {
    String reason = judge(measure(d));
    return reason == null ? Verdict.keep(d) : Verdict.drop(d, reason);
  }

  public RepetitionStats measure(Doc d) {
    String text = d.text();
    double chars = Math.max(1, text.length());
    String[] paras = PARAGRAPH.split(text.strip());
    long[] paraDup = duplicates(List.of(paras));
    List<String> lines = Words.lines(text);
    lines.removeIf(Words::isBlank);
    long[] lineDup = duplicates(lines);
    double[] top = new double[0];
    double[] dup = new double[0];
    if (!Words.isNoSpaceScript(text, d.language())) {
      List<String> words = Words.words(text);
      int n = words.size();
      long[] h = new long[n];
      int[] len = new int[n];
      for (int i = 0; i < n; i++) {
        String w = words.get(i);
        h[i] = LongCounts.mix(w.hashCode() * 0x9E3779B97F4A7C15L + w.length());
        len[i] = w.length();
      }
      LongCounts counts = new LongCounts(n);
      top = new double[3];
      for (int g = 2; g <= 4; g++) {
        top[g - 2] = topNGramChars(h, len, g, counts) / chars;
      }
      dup = new double[6];
      for (int g = 5; g <= 10; g++) {
        dup[g - 5] = dupNGramChars(h, len, g, counts) / chars;
      }
    }
    return new RepetitionStats(lineDup[0] / (double) Math.max(1, lines.size()), paraDup[0] / (double) paras.length,
        lineDup[1] / chars, paraDup[1] / chars, top, dup);
  }

  /** The first rule that {@code s} breaks, in datatrove's order, or null. */
  public String judge(RepetitionStats s) {
    if (over(s.dupParaFrac(), cfg.maxDupParaFrac())) return DUP_PARA_FRAC;
    if (over(s.dupParaCharFrac(), cfg.maxDupParaCharFrac())) return DUP_PARA_CHAR_FRAC;
    if (over(s.dupLineFrac(), cfg.maxDupLineFrac())) return DUP_LINE_FRAC;
    if (over(s.dupLineCharFrac(), cfg.maxDupLineCharFrac())) return DUP_LINE_CHAR_FRAC;
    double[] topMax = cfg.topNGram();
    for (int i = 0; i < s.topNGramCharFrac().length; i++) {
      if (over(s.topNGramCharFrac()[i], topMax[i])) return topNGram(i + 2);
    }
    double[] dupMax = cfg.dupNGram();
    for (int i = 0; i < s.dupNGramCharFrac().length; i++) {
      if (over(s.dupNGramCharFrac()[i], dupMax[i])) return dupNGram(i + 5);
    }
    return null;
  }

  private static boolean over(double value, double max) {
    return max >= 0 && value > max;
  }

  /** {count of repeated items, characters in repeated items}; the first occurrence is not a duplicate. */
  static long[] duplicates(List<String> items) {
    Set<String> seen = new HashSet<>(items.size() * 2);
    long dupItems = 0;
    long dupChars = 0;
    for (String s : items) {
      if (!seen.add(s)) {
        dupItems++;
        dupChars += s.length();
      }
    }
    return new long[] {dupItems, dupChars};
  }

  private static long ngramHash(long[] h, int start, int n) {
    long x = n;
    for (int k = 0; k < n; k++) x = x * 0x100000001B3L + h[start + k];
    return LongCounts.mix(x);
  }

  private static int ngramChars(int[] len, int start, int n) {
    int c = n - 1; // the joining spaces
    for (int k = 0; k < n; k++) c += len[start + k];
    return c;
  }

  /**
   * Characters in the most frequent n-gram times its count; ties go to the first seen (as Python's
   * Counter.most_common in datatrove). 0 when no n-gram occurs twice: datatrove would then report the first
   * n-gram, which drops short unrepetitive texts for "repetition".
   */
  static long topNGramChars(long[] h, int[] len, int n, LongCounts counts) {
    int windows = h.length - n + 1;
    if (windows <= 0) return 0;
    counts.clear(windows);
    long[] hashes = new long[windows];
    int maxCount = 0;
    for (int i = 0; i < windows; i++) {
      hashes[i] = ngramHash(h, i, n);
      maxCount = Math.max(maxCount, counts.add(hashes[i]) + 1);
    }
    if (maxCount < 2) return 0; // nothing repeats: no "most frequent" n-gram to speak of
    for (int i = 0; i < windows; i++) {
      if (counts.count(hashes[i]) == maxCount) return (long) ngramChars(len, i, n) * maxCount;
    }
    return 0;
  }

  /**
   * Characters in repeated n-grams, as Gopher counts them: scan left to right; an n-gram seen before adds its
   * characters and the scan jumps past it (so overlapping repeats are not counted twice).
   */
  static long dupNGramChars(long[] h, int[] len, int n, LongCounts seen) {
    int windows = h.length - n + 1;
    if (windows <= 0) return 0;
    seen.clear(windows);
    long chars = 0;
    int i = 0;
    while (i < windows) {
      long g = ngramHash(h, i, n);
      if (seen.count(g) > 0) {
        chars += ngramChars(len, i, n);
        i += n;
      } else {
        seen.add(g);
        i++;
      }
    }
    return chars;
  }
}
