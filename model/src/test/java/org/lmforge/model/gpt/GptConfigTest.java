package org.lmforge.model.gpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class GptConfigTest {
  @Test
  void dModelNotDivisibleByHeadsNamesBoth() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GptConfig.of(50, 16, 2, 5, 32, 0));
    assertTrue(
        e.getMessage().contains("dModel=32") && e.getMessage().contains("nHead=5"), e.getMessage());
  }

  @Test
  void parameterCountMatchesTheBuiltNetwork() {
    for (GptConfig c :
        new GptConfig[] {
          GptConfig.of(50, 16, 2, 4, 32, 0),
          new GptConfig(50, 16, 2, 4, 32, 0, GptConfig.Positional.ALIBI, false),
          new GptConfig(50, 16, 3, 4, 32, 0, GptConfig.Positional.LEARNED, true)
        }) {
      Gpt g = new Gpt(c, 1, DataType.FLOAT);
      // the network also holds the head's copy of wte (V·d) and the head's frozen zero bias (V)
      long expectedFlat = c.parameterCount() + (long) c.vocabSize() * c.dModel() + c.vocabSize();
      assertEquals(expectedFlat, g.flatLength(), c.toString());
    }
  }

  @Test
  void parameterCountIsTwelveLdSquaredPlusEmbeddingsUpToBiasesAndNorms() {
    GptConfig c = GptConfig.of(65, 64, 4, 4, 128, 0);
    long d = 128,
        biasesAndNorms =
            4 * (4 * d + 9 * d) + 2 * d; // per block: 2 LN (4d) + biases (d·3 + d + 4d + d)
    assertEquals(c.approxParameterCount() + biasesAndNorms, c.parameterCount());
    GptConfig mq = new GptConfig(65, 64, 4, 4, 128, 0, GptConfig.Positional.LEARNED, true);
    assertTrue(mq.parameterCount() < c.parameterCount(), "multi-query shares one K/V head");
  }

  /**
   * Training FLOPs per token counted by hand for V=100, T=32, L=2, d=16 (a multiply-add = 2 FLOPs,
   * training = forward + backward = 3 forward):
   *
   * <pre>
   *   per block, forward: q,k,v,o projections 4·2·16·16 = 2,048; MLP 2·2·16·64 = 4,096;
   *                       attention q·kᵀ and p·v against all 32 positions 2·2·32·16 = 2,048   -> 8,192
   *   2 blocks 16,384 + tied head 2·16·100 = 3,200                                           -> 19,584 forward
   *   x 3                                                                                    -> 58,752
   *   biases and LayerNorm gains, 6 per parameter as in 6N: (2·(13·16) + 2·16) · 6 = 448 · 6 -> 2,688
   * </pre>
   *
   * 61,440 in all: PaLM's 6N + 12·L·T·d convention (Chowdhery et al. 2022, appendix B), not
   * re-derived from the code's formula.
   */
  @Test
  void flopsPerTokenEqualsAHandCount() {
    assertEquals(61_440.0, GptConfig.of(100, 32, 2, 2, 16, 0).flopsPerToken(), 1e-9);
  }
}
