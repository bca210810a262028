package org.lmforge.bench.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lmforge.pipeline.dedup.DedupCorpus;
import org.lmforge.pipeline.dedup.DedupQuality;

/** The benchmark's ground truth against brute force: true Jaccard of every pair, one by one. */
class TruePairsTest {
  @Test
  void indexedTruthEqualsBruteForceOverAllPairsAndOverASample() {
    // windows from the first 30k stream words overlap often: natural near-duplicates besides the
    // planted copies
    String[] words = Arrays.copyOf(DedupCorpus.words(), 30_000);
    DedupCorpus.Planted p = new DedupCorpus.Planted(300, 5L);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < p.n; i++) {
      index.put(p.id(i), i);
    }
    DedupQuality.Corpus c = new DedupQuality.Corpus(p, words, null, index);
    Set<Long> brute = new HashSet<>();
    for (int i = 0; i < p.n; i++) {
      for (int j = i + 1; j < p.n; j++) {
        if (DedupCorpus.trueJaccard(p.text(words, i), p.text(words, j), 5) >= 0.7) {
          brute.add(TruePairs.key(i, j));
        }
      }
    }
    long planted = brute.stream().filter(k -> (int) (long) k >= p.base).count();
    assertTrue(
        brute.size() > planted + 20,
        "natural pairs too: " + brute.size() + " true, " + planted + " planted");

    TruePairs.Truth all = TruePairs.compute(c, p.n, 0.7, 5, 1L);
    assertEquals(brute, all.pairs());

    TruePairs.Truth some = TruePairs.compute(c, 60, 0.7, 5, 1L);
    Set<Long> touching = new HashSet<>();
    for (long k : brute) {
      if (some.covers((int) (k >>> 32), (int) k)) {
        touching.add(k);
      }
    }
    assertEquals(60, some.sampledCount());
    assertEquals(touching, some.pairs());

    // scoring: two true pairs and one false one reported, on the whole-corpus truth
    Long[] t = brute.toArray(new Long[0]);
    List<String[]> reported = List.of(ids(p, t[0]), ids(p, t[1]), new String[] {p.id(0), p.id(1)});
    TruePairs.Score s = TruePairs.score(all, c, reported);
    assertEquals(2, s.truePositives());
    assertEquals(2.0 / brute.size(), s.recall(), 1e-12);
    assertEquals(brute.contains(TruePairs.key(0, 1)) ? 1.0 : 2.0 / 3, s.precision(), 1e-12);
  }

  private static String[] ids(DedupCorpus.Planted p, long key) {
    return new String[] {p.id((int) (key >>> 32)), p.id((int) key)};
  }
}
