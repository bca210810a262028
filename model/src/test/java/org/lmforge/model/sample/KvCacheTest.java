package org.lmforge.model.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lmforge.model.gpt.Gpt;
import org.lmforge.model.gpt.GptConfig;
import org.nd4j.linalg.api.buffer.DataType;

/** The cached decoder (its own forward code) against the training graph re-run on the whole prefix. */
class KvCacheTest {
  @ParameterizedTest
  @ValueSource(strings = {"LEARNED,false", "ALIBI,true"})
  void cachedLogProbsEqualFullGraph(String variant) {
    String[] v = variant.split(",");
    GptConfig c = new GptConfig(23, 12, 2, 4, 16, 0, GptConfig.Positional.valueOf(v[0]), Boolean.parseBoolean(v[1]));
    Gpt g = new Gpt(c, 11, DataType.DOUBLE);
    g.params().muli(8);   // larger weights than at init, so that attention patterns are far from uniform
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
  @ValueSource(ints = {0})
  void generatingPastTheContextIsRefused(int ignored) {
    Gpt g = new Gpt(GptConfig.of(10, 8, 1, 2, 8, 0), 1, DataType.FLOAT);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Generator(g).generate(new int[] {1, 2, 3}, 6, SamplingConfig.greedy(), 1, true));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("context length 8"), e.getMessage());
  }
}
