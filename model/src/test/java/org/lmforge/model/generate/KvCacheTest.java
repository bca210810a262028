package org.lmforge.model.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lmforge.model.gpt.EachVariant;
import org.lmforge.model.gpt.Gpt;
import org.lmforge.model.gpt.GptConfig;
import org.lmforge.model.gpt.TestModels;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The cached decoder (its own forward code) against the training graph re-run on the whole prefix.
 */
class KvCacheTest {
  @EachVariant
  void cachedLogProbsEqualFullGraph(String variant) {
    GptConfig c = TestModels.config(variant, 23, 12, 2, 4, 16);
    Gpt g = new Gpt(c, 11, DataType.DOUBLE);
    g.params()
        .muli(8); // larger weights than at init, so that attention patterns are far from uniform
    g.tieWeights();
    Generator gen = new Generator(g);
    int[] seq = {3, 17, 5, 5, 9, 0, 22, 14, 1, 7, 7, 2};
    KvCacheDecoder dec = new KvCacheDecoder(g);
    for (int t = 0; t < seq.length; t++) {
      double[] cached = dec.next(seq[t]);
      double[] full = gen.logProbsAt(seq, t);
      assertArrayEquals(full, cached, 1e-8, "position " + t);
    }
  }

  /**
   * A run of positions in one pass (a prompt's prefill, or uncached generation's prefix) = one at a
   * time.
   */
  @EachVariant
  void feedingARunEqualsFeedingOneAtATime(String variant) {
    GptConfig c = TestModels.config(variant, 23, 12, 2, 4, 16);
    Gpt g = new Gpt(c, 14, DataType.DOUBLE);
    g.params().muli(8);
    g.tieWeights();
    int[] seq = {3, 17, 5, 5, 9, 0, 22, 14, 1, 7, 7, 2};
    KvCacheDecoder one = new KvCacheDecoder(g);
    for (int t = 0; t < seq.length; t++) {
      double[] expected = one.next(seq[t]);
      KvCacheDecoder prefix = new KvCacheDecoder(g);
      assertArrayEquals(expected, prefix.feed(seq, 0, t + 1), 1e-9, "prefix of " + (t + 1));
      assertEquals(t + 1, prefix.position());
    }
    KvCacheDecoder runs = new KvCacheDecoder(g); // a prompt of 5, then runs of 4 and 3 on the cache
    runs.feed(seq, 0, 5);
    runs.feed(seq, 5, 9);
    assertArrayEquals(new KvCacheDecoder(g).feed(seq, 0, 12), runs.feed(seq, 9, 12), 1e-9);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void generationWithCacheEqualsWithout(boolean greedy) {
    GptConfig c = GptConfig.of(23, 12, 2, 4, 16, 0);
    Gpt g = new Gpt(c, 12, DataType.DOUBLE);
    g.params().muli(8);
    g.tieWeights();
    Generator gen = new Generator(g);
    SamplingConfig s = greedy ? SamplingConfig.greedy() : new SamplingConfig(0.9, 10, 0.95);
    int[] a = gen.generate(new int[] {1, 2, 3}, 9, s, 99, true);
    int[] b = gen.generate(new int[] {1, 2, 3}, 9, s, 99, false);
    assertArrayEquals(b, a);
    assertEquals(12, a.length);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void pastTheContextBothPathsPredictFromTheLastContextLengthTokens(boolean greedy) {
    Gpt g = new Gpt(GptConfig.of(23, 8, 2, 4, 16, 0), 13, DataType.DOUBLE);
    g.params().muli(8);
    g.tieWeights();
    Generator gen = new Generator(g);
    SamplingConfig s = greedy ? SamplingConfig.greedy() : new SamplingConfig(1.0, 0, 1);
    int[] cached =
        gen.generate(new int[] {1, 2, 3}, 20, s, 5, true); // 23 tokens through a context of 8
    int[] full = gen.generate(new int[] {1, 2, 3}, 20, s, 5, false);
    assertArrayEquals(full, cached);
    if (greedy) {
      for (int i = 8; i < cached.length; i++) { // the argmax given exactly the 8 tokens before it
        org.nd4j.linalg.api.ndarray.INDArray p =
            g.probabilities(new int[][] {Arrays.copyOfRange(cached, i - 8, i)});
        int best = 0;
        for (int j = 1; j < 23; j++) if (p.getDouble(0, 7, j) > p.getDouble(0, 7, best)) best = j;
        assertEquals(best, cached[i], "token " + i);
      }
    }
    // a prompt longer than the context: only its last 8 tokens count, on both paths
    int[] longPrompt = {4, 9, 1, 2, 3, 5, 6, 7, 8, 10, 11, 12};
    int[] lastEight = Arrays.copyOfRange(longPrompt, 4, 12);
    for (boolean cache : new boolean[] {true, false}) {
      int[] a = gen.generate(longPrompt, 6, s, 9, cache);
      int[] b = gen.generate(lastEight, 6, s, 9, cache);
      assertArrayEquals(
          Arrays.copyOfRange(b, 8, 14), Arrays.copyOfRange(a, 12, 18), "cache " + cache);
    }
  }

  @Test
  void generationStopsAfterTheStopToken() {
    Gpt g = new Gpt(GptConfig.of(23, 12, 1, 2, 8, 0), 3, DataType.DOUBLE);
    Generator gen = new Generator(g);
    int[] free = gen.generate(new int[] {1}, 10, SamplingConfig.greedy(), 1, true);
    int stop = free[4];
    int first = 1;
    while (free[first] != stop) first++;
    Generator.Generation r =
        gen.generate(new int[] {1}, 10, SamplingConfig.greedy(), 1, true, stop);
    assertTrue(r.stopped());
    assertArrayEquals(Arrays.copyOf(free, first + 1), r.tokens());
    assertArrayEquals(Arrays.copyOfRange(free, 1, first), r.continuation());
  }
}
