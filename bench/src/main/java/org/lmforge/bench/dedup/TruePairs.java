package org.lmforge.bench.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.openhft.hashing.LongHashFunction;
import org.lmforge.pipeline.dedup.DedupCorpus;
import org.lmforge.pipeline.dedup.DedupQuality;

/**
 * The exact ground truth a near-dedupe method is scored against: ALL pairs of documents whose true
 * Jaccard of word n-gram shingle strings ({@link DedupCorpus#shingleStrings}, Spark's tokenisation)
 * reaches the threshold, not only the planted copy-source pairs (the anchor corpus has many natural
 * near-duplicates: overlapping windows of one word stream).
 *
 * <p>No candidate generation, so no pair can be missed: every document of the corpus is compared
 * with every document of a random sample (the whole corpus when the sample is as large), through an
 * inverted index of the sampled documents' shingles that counts each pair's shared shingles
 * exactly; a pair absent from the index shares no shingle, so its Jaccard is 0. Shingles are
 * counted by 64-bit hashes of their strings, which can only make a count too high, never too low;
 * every pair that reaches the threshold on hashes is then re-checked on the strings. The truth
 * therefore holds every pair with at least one sampled document, and a method's recall and
 * precision are measured on exactly those pairs (an unbiased estimate of both when the sample is
 * random, the exact figures when it is the whole corpus).
 */
final class TruePairs {
  private static final LongHashFunction HASH = LongHashFunction.xx3();

  /**
   * The true pairs (packed {@link #key}) among all pairs with at least one document where {@code
   * sampled}.
   */
  record Truth(int n, boolean[] sampled, int sampledCount, Set<Long> pairs, double seconds) {
    boolean covers(int i, int j) {
      return sampled[i] || sampled[j];
    }

    /** What the truth covers, for the benchmark's header. */
    String describe() {
      return sampledCount == n
          ? String.format(Locale.ROOT, "all %,d x %,d / 2 pairs of the whole corpus", n, n - 1)
          : String.format(
              Locale.ROOT,
              "every pair with at least one of %,d random documents (of %,d)",
              sampledCount,
              n);
    }
  }

  /** A method's reported pairs scored on the pairs the truth covers. */
  record Score(long reported, long reportedCovered, long truePositives, long truth) {
    double recall() {
      return truth == 0 ? 1 : (double) truePositives / truth;
    }

    double precision() {
      return reportedCovered == 0 ? 1 : (double) truePositives / reportedCovered;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "recall %.4f (%,d of %,d true pairs), precision %.4f (%,d of %,d reported"
              + " pairs in the truth's reach; %,d reported in all)",
          recall(),
          truePositives,
          truth,
          precision(),
          truePositives,
          reportedCovered,
          reported);
    }
  }

  private TruePairs() {}

  /**
   * All pairs of the corpus with J >= threshold that have at least one document among {@code
   * sample} random ones (all documents when {@code sample >= n}). Runs on every core of the driver.
   */
  static Truth compute(
      DedupQuality.Corpus c, int sample, double threshold, int shingle, long seed) {
    long t0 = System.nanoTime();
    int n = c.planted().n;
    int[] owners = pick(n, sample, seed);
    boolean[] sampled = new boolean[n];
    for (int d : owners) {
      sampled[d] = true;
    }
    Index index = new Index(c, owners, shingle);
    int chunks = 8 * Runtime.getRuntime().availableProcessors();
    List<List<Long>> found =
        IntStream.range(0, chunks)
            .parallel()
            .mapToObj(
                k ->
                    index.scan(
                        c,
                        sampled,
                        (int) ((long) n * k / chunks),
                        (int) ((long) n * (k + 1) / chunks),
                        threshold,
                        shingle))
            .toList();
    Set<Long> pairs = new HashSet<>();
    found.forEach(pairs::addAll);
    return new Truth(n, sampled, owners.length, pairs, (System.nanoTime() - t0) / 1e9);
  }

  /** Scores reported id pairs on the pairs the truth covers. */
  static Score score(Truth t, DedupQuality.Corpus c, List<String[]> reported) {
    Set<Long> covered = new HashSet<>();
    for (String[] p : reported) {
      int i = c.index().get(p[0]);
      int j = c.index().get(p[1]);
      if (i != j && t.covers(i, j)) {
        covered.add(key(i, j));
      }
    }
    long hits = covered.stream().filter(t.pairs()::contains).count();
    return new Score(reported.size(), covered.size(), hits, t.pairs().size());
  }

  static long key(int i, int j) {
    return i < j ? (long) i << 32 | j : (long) j << 32 | i;
  }

  /** Sorted distinct 64-bit hashes of a document's shingle strings. */
  static long[] hashes(String text, int shingle) {
    Set<String> s = DedupCorpus.shingleStrings(text, shingle);
    long[] out = new long[s.size()];
    int k = 0;
    for (String x : s) {
      out[k++] = HASH.hashChars(x);
    }
    Arrays.sort(out);
    return out;
  }

  /** {@code sample} distinct random document numbers (all of them, in order, when sample >= n). */
  private static int[] pick(int n, int sample, long seed) {
    int[] all = IntStream.range(0, n).toArray();
    if (sample >= n) {
      return all;
    }
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < sample; i++) { // partial Fisher-Yates
      int j = i + r.nextInt(n - i);
      int tmp = all[i];
      all[i] = all[j];
      all[j] = tmp;
    }
    int[] out = Arrays.copyOf(all, sample);
    Arrays.sort(out);
    return out;
  }

  /**
   * Inverted index of the sampled documents: shingle hash -> the sampled documents (slots) that
   * have it.
   */
  private static final class Index {
    private final int[] docOf; // slot -> document number
    private final int[] sizes; // slot -> distinct shingles
    private final long[] keys; // open addressing, 0 = empty (a hash of 0 is stored as 1)
    private final int[] start; // key position -> first posting
    private final int[] postings; // slots, grouped by shingle

    Index(DedupQuality.Corpus c, int[] owners, int shingle) {
      docOf = owners;
      sizes = new int[owners.length];
      long[][] sets =
          IntStream.range(0, owners.length)
              .parallel()
              .mapToObj(k -> hashes(c.planted().text(c.words(), owners[k]), shingle))
              .toArray(long[][]::new);
      long total = 0;
      for (int k = 0; k < sets.length; k++) {
        sizes[k] = sets[k].length;
        total += sets[k].length;
      }
      keys = new long[Integer.highestOneBit((int) Math.max(16, total)) * 4];
      int[] count = new int[keys.length];
      for (long[] s : sets) {
        for (long h : s) {
          count[slot(h, true)]++;
        }
      }
      start = new int[keys.length + 1];
      for (int p = 0; p < keys.length; p++) {
        start[p + 1] = start[p] + count[p];
      }
      postings = new int[(int) total];
      int[] fill = Arrays.copyOf(start, keys.length);
      for (int k = 0; k < sets.length; k++) {
        for (long h : sets[k]) {
          postings[fill[slot(h, false)]++] = k;
        }
      }
    }

    /** Position of h's key; inserts it when {@code add}; -1 when absent. */
    private int slot(long h, boolean add) {
      long key = h == 0 ? 1 : h;
      int mask = keys.length - 1;
      for (int p = (int) (key ^ key >>> 32) & mask; ; p = (p + 1) & mask) {
        if (keys[p] == key) {
          return p;
        }
        if (keys[p] == 0) {
          if (!add) {
            return -1;
          }
          keys[p] = key;
          return p;
        }
      }
    }

    /**
     * True pairs (i, j) for documents j in [from, to) and every sampled i; a pair of two sampled
     * documents is counted at its larger one only.
     */
    List<Long> scan(
        DedupQuality.Corpus c, boolean[] sampled, int from, int to, double threshold, int shingle) {
      int[] shared = new int[docOf.length];
      int[] touched = new int[docOf.length];
      List<Long> out = new ArrayList<>();
      for (int j = from; j < to; j++) {
        long[] hs = hashes(c.planted().text(c.words(), j), shingle);
        int nTouched = 0;
        for (long h : hs) {
          int p = slot(h, false);
          if (p < 0) {
            continue;
          }
          for (int q = start[p]; q < start[p + 1]; q++) {
            int k = postings[q];
            int i = docOf[k];
            if (i < j || (i > j && !sampled[j])) {
              if (shared[k]++ == 0) {
                touched[nTouched++] = k;
              }
            }
          }
        }
        for (int t = 0; t < nTouched; t++) {
          int k = touched[t];
          int common = shared[k];
          shared[k] = 0;
          // hashed counts are never below the true ones, so every true pair passes here; the
          // strings decide
          if (common >= threshold * (sizes[k] + hs.length - common) - 1e-9) {
            String a = c.planted().text(c.words(), docOf[k]);
            String b = c.planted().text(c.words(), j);
            if (DedupCorpus.trueJaccard(a, b, shingle) >= threshold) {
              out.add(key(docOf[k], j));
            }
          }
        }
      }
      return out;
    }
  }
}
