package org.lmforge.model.gpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class GptConfigTest {
  @Test
  void dModelNotDivisibleByHeadsNamesBoth() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GptConfig.of(50, 16, 2, 5, 32, 0));
    assertTrue(e.getMessage().contains("dModel=32") && e.getMessage().contains("nHead=5"), e.getMessage());
  }

  @Test
  void parameterCountMatchesTheBuiltNetwork() {
    for (GptConfig c : new GptConfig[] {
        GptConfig.of(50, 16, 2, 4, 32, 0),
        new GptConfig(50, 16, 2, 4, 32, 0, GptConfig.Positional.ALIBI, false),
        new GptConfig(50, 16, 3, 4, 32, 0, GptConfig.Positional.LEARNED, true)}) {
      Gpt g = new Gpt(c, 1, DataType.FLOAT);
      // the network also holds the head's copy of wte (V·d) and the head's frozen zero bias (V)
      long expectedFlat = c.parameterCount() + (long) c.vocabSize() * c.dModel() + c.vocabSize();
      assertEquals(expectedFlat, g.flatLength(), c.toString());
    }
  }

  @Test
  void parameterCountIsTwelveLdSquaredPlusEmbeddingsUpToBiasesAndNorms() {
    GptConfig c = GptConfig.of(65, 64, 4, 4, 128, 0);
    long d = 128, biasesAndNorms = 4 * (4 * d + 9 * d) + 2 * d;   // per block: 2 LN (4d) + biases (d·3 + d + 4d + d)
    assertEquals(c.approxParameterCount() + biasesAndNorms, c.parameterCount());
    GptConfig mq = new GptConfig(65, 64, 4, 4, 128, 0, GptConfig.Positional.LEARNED, true);
    assertTrue(mq.parameterCount() < c.parameterCount(), "multi-query shares one K/V head");
  }

  @Test
  void flopsPerTokenIsSixNPlusAttention() {
    GptConfig c = GptConfig.of(100, 32, 2, 2, 16, 0);
    double n = c.nonEmbeddingParams() + 100.0 * 16;
    assertEquals(6 * n + 12.0 * 2 * 32 * 16, c.flopsPerToken(), 1e-9);
  }
}
