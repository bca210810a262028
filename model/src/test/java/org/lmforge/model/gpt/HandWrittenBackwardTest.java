package org.lmforge.model.gpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The hand-written forward/backward layers against DL4J's automatic differentiation of the same
 * model (SameDiff graphs, {@link Gpt#autodiffReference}): two independent computations of the loss
 * and of every parameter's gradient, in double precision, for each attention variant. A sign, a
 * missing term or a wrong transpose in any one parameter group shows up as a mismatch in that
 * group, named in the message.
 */
class HandWrittenBackwardTest {
  @ParameterizedTest
  @ValueSource(strings = {"LEARNED,false", "ALIBI,true", "LEARNED,true"})
  void lossAndEveryGradientGroupEqualAutodiff(String variant) {
    GptConfig c = TestModels.config(variant, 13, 8, 2, 4, 16);
    Gpt fast = new Gpt(c, 11, DataType.DOUBLE),
        reference = Gpt.autodiffReference(c, 11, DataType.DOUBLE);
    assertEquals(
        0.0,
        fast.params().sub(reference.params()).amaxNumber().doubleValue(),
        "same seed, same parameters");
    TestModels.Batch batch = TestModels.Batch.random(c, 3, new SplittableRandom(5));
    int[][] x = batch.x(), y = batch.y();
    for (int step = 0; step < 2; step++) { // twice: the second call reuses the layers' buffers
      double lossFast = fast.computeGradient(x, y, true),
          lossRef = reference.computeGradient(x, y, true);
      assertEquals(lossRef, lossFast, 1e-12, "loss");
      INDArray gf = fast.gradients(), gr = reference.gradients();
      long off = 0;
      for (String entry : fast.parameterLayout()) {
        long len = Long.parseLong(entry.substring(entry.lastIndexOf(':') + 1));
        INDArray a = gf.get(NDArrayIndex.interval(off, off + len)),
            b = gr.get(NDArrayIndex.interval(off, off + len));
        double diff = a.sub(b).amaxNumber().doubleValue(), size = b.amaxNumber().doubleValue();
        assertTrue(
            diff <= 1e-9 * Math.max(1, size),
            entry
                + ": max |hand-written - autodiff| = "
                + diff
                + " (largest reference entry "
                + size
                + ")");
        off += len;
      }
      assertEquals(fast.flatLength(), off);
    }
  }

  @EachVariant
  void inferenceOutputEqualsAutodiff(String variant) {
    GptConfig c = TestModels.config(variant, 13, 8, 2, 4, 16);
    Gpt fast = new Gpt(c, 3, DataType.DOUBLE),
        reference = Gpt.autodiffReference(c, 3, DataType.DOUBLE);
    int[][] x = {{1, 2, 3, 4, 5, 6, 7, 8}};
    double diff = fast.probabilities(x).sub(reference.probabilities(x)).amaxNumber().doubleValue();
    assertTrue(diff < 1e-12, "next-token probabilities differ by " + diff);
  }

  /**
   * Dropout acts in training only: same inference output as without it, a different training loss.
   */
  @org.junit.jupiter.api.Test
  void dropoutActsInTrainingOnly() {
    GptConfig plain = new GptConfig(13, 8, 2, 4, 16, 0, GptConfig.Positional.LEARNED, false);
    GptConfig dropped = new GptConfig(13, 8, 2, 4, 16, 0.3, GptConfig.Positional.LEARNED, false);
    Gpt a = new Gpt(plain, 9, DataType.DOUBLE), b = new Gpt(dropped, 9, DataType.DOUBLE);
    int[][] x = {{1, 2, 3, 4, 5, 6, 7, 8}}, y = {{2, 3, 4, 5, 6, 7, 8, 9}};
    assertEquals(0.0, a.probabilities(x).sub(b.probabilities(x)).amaxNumber().doubleValue(), 1e-15);
    double lossPlain = a.computeGradient(x, y, true), lossDropped = b.computeGradient(x, y, true);
    assertTrue(
        Math.abs(lossPlain - lossDropped) > 1e-6, "dropout 0.3 changed nothing: " + lossPlain);
  }
}
