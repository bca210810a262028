package org.lmforge.pipeline.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmforge.dataprep.dedup.Shingler;

/**
 * The growth benchmark needs a corpus whose true near-duplicate pairs grow linearly with its size.
 * All pairs with exact word-5-gram Jaccard >= 0.7 are counted (prefix-filtered all-pairs, then
 * exact intersection of the 64-bit shingle sets: no pair is missed) at 4,000 and 16,000 documents:
 * in {@link DedupCorpus.Composed} the pairs per document stay the same, in the anchor corpus
 * ({@link DedupCorpus.Planted}) they do not, and the same check rejects it. Plain Java, no Spark: a
 * few seconds.
 */
class DedupCorpusTest {
  private static final double T = 0.7;
  private static final int SMALL = 4_000;
  private static final int LARGE = 16_000;

  /** Largest accepted change of true pairs per document from SMALL to LARGE (both ways). */
  private static final double TOLERANCE = 0.10;

  private static String[] sentences;
  private static String[] words;

  @BeforeAll
  static void load() {
    sentences = DedupCorpus.sentences();
    words = DedupCorpus.words();
  }

  /**
   * True pairs of a corpus: all, the planted ones (copy, source), and those between two originals.
   */
  record Pairs(int n, long all, long planted, long originals) {
    double perDoc() {
      return all / (double) n;
    }
  }

  /** True pairs of one corpus at SMALL and at LARGE documents. */
  record Growth(Pairs small, Pairs large) {
    /** Pairs per document at LARGE over pairs per document at SMALL. */
    double ratio() {
      return large.perDoc() / small.perDoc();
    }

    boolean nearLinear() {
      return ratio() >= 1 - TOLERANCE && ratio() <= 1 + TOLERANCE;
    }

    @Override
    public String toString() {
      return small + " vs " + large;
    }
  }

  /** Counts the true pairs of {@code corpus} at both sizes (same seed) and prints their growth. */
  static Growth growth(String name, IntFunction<DedupCorpus.Planted> corpus, String[] source) {
    Growth g =
        new Growth(truePairs(corpus.apply(SMALL), source), truePairs(corpus.apply(LARGE), source));
    System.out.printf(
        "%s corpus: %s, %s, growth of pairs per doc %.3f%n", name, g.small, g.large, g.ratio());
    return g;
  }

  @Test
  void composedCorpusHasAConstantRateOfTruePairs() {
    Growth g = growth("composed", n -> new DedupCorpus.Composed(n, 1234L), sentences);
    assertTrue(g.nearLinear(), g.toString());
    for (Pairs p : new Pairs[] {g.small(), g.large()}) {
      // 10% of the documents are copies and nearly all of them reach J >= 0.7 ...
      assertTrue(p.planted() >= 0.09 * p.n() && p.planted() <= 0.1 * p.n(), p.toString());
      // ... the rest are copies of the same original (linear in n); originals are never
      // near-duplicates.
      assertTrue(p.all() - p.planted() <= 0.01 * p.n(), p.toString());
      assertEquals(0, p.originals(), p.toString());
    }
  }

  @Test
  void anchorCorpusFailsTheSameCheck() {
    Growth g = growth("anchor", n -> new DedupCorpus.Planted(n, 1234L), words);
    // Overlapping windows of one 2.6M-word stream: pairs between originals grow with n^2 (~16x for
    // 4x).
    assertFalse(g.nearLinear(), g.toString());
    assertTrue(g.large().originals() > 10.0 * g.small().originals(), g.toString());
  }

  @Test
  void composedCorpusIsDeterministicAndLooksLikePages() {
    DedupCorpus.Composed c = new DedupCorpus.Composed(1000, 7L);
    assertEquals(900, c.base);
    for (int i : new int[] {0, 1, 899, 900, 901, 902, 903, 999}) {
      String t = c.text(sentences, i);
      assertEquals(t, new DedupCorpus.Composed(1000, 7L).text(sentences, i));
      String[] lines = t.split("\n");
      assertTrue(
          lines.length >= 3 && lines[0].startsWith("site" + c.site(i) + ".example.org | "), t);
      int w = t.split("\\s+").length;
      assertTrue(w >= 80 + 14 && w <= 300 + 60 + 20, w + " words: " + t);
    }
    assertFalse(c.text(sentences, 0).equals(new DedupCorpus.Composed(1000, 8L).text(sentences, 0)));
    for (int i = c.base;
        i < c.n;
        i++) { // every copy is edited: none is an exact copy of its original
      assertFalse(c.text(sentences, i).equals(c.text(sentences, c.sourceOf(i))), "copy " + i);
    }
  }

  /** Exact count of pairs with J >= T, by prefix filtering (AllPairs) and exact verification. */
  static Pairs truePairs(DedupCorpus.Planted p, String[] source) {
    Shingler sh = new Shingler(5);
    long[][] s = new long[p.n][];
    int total = 0;
    for (int i = 0; i < p.n; i++) {
      s[i] = sh.shingles(p.text(source, i));
      total += s[i].length;
    }
    // Document frequency of every shingle: all occurrences sorted, runs counted.
    long[] all = new long[total];
    int k = 0;
    for (long[] a : s) {
      System.arraycopy(a, 0, all, k, a.length);
      k += a.length;
    }
    Arrays.sort(all);
    int distinct = 0;
    int[] df = new int[total];
    for (int i = 0; i < total; ) {
      int j = i;
      while (j < total && all[j] == all[i]) {
        j++;
      }
      all[distinct] = all[i];
      df[distinct++] = j - i;
      i = j;
    }
    long[] keys = Arrays.copyOf(all, distinct);
    // Shingles as ranks in keys. Prefix of each set in the global order (df, rank): its |A| -
    // ceil(T |A|) + 1
    // rarest shingles. Two sets with J >= T share at least ceil(T max(|A|,|B|)) shingles, hence one
    // in both
    // prefixes. Entries (rank, doc) of all prefixes, packed and sorted: a run of one rank lists its
    // documents.
    long[] index = new long[total];
    k = 0;
    for (int i = 0; i < p.n; i++) {
      long[] byDf = new long[s[i].length];
      for (int j = 0; j < s[i].length; j++) {
        int rank = Arrays.binarySearch(keys, s[i][j]);
        byDf[j] = (long) df[rank] << 32 | rank;
      }
      Arrays.sort(byDf);
      int len = s[i].length == 0 ? 0 : s[i].length - (int) Math.ceil(T * s[i].length - 1e-9) + 1;
      for (int j = 0; j < len; j++) {
        index[k++] = (byDf[j] & 0xffffffffL) << 32 | i;
      }
    }
    Arrays.sort(index, 0, k);
    Set<Long> candidates = new HashSet<>();
    for (int i = 0; i < k; ) {
      int j = i;
      while (j < k && index[j] >>> 32 == index[i] >>> 32) {
        j++;
      }
      for (int a = i; a < j; a++) {
        for (int b = a + 1; b < j; b++) {
          candidates.add((index[a] & 0xffffffffL) * p.n + (index[b] & 0xffffffffL));
        }
      }
      i = j;
    }
    long found = 0;
    long planted = 0;
    long originals = 0;
    for (long c : candidates) {
      int a = (int) (c / p.n);
      int b = (int) (c % p.n);
      int common = intersection(s[a], s[b]);
      if (common >= T * (s[a].length + s[b].length - common)) {
        found++;
        if (b >= p.base && p.sourceOf(b) == a) {
          planted++;
        } else if (b < p.base) {
          originals++;
        }
      }
    }
    return new Pairs(p.n, found, planted, originals);
  }

  private static int intersection(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int c = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        c++;
        i++;
        j++;
      }
    }
    return c;
  }
}
