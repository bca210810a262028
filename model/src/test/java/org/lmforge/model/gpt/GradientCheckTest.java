package org.lmforge.model.gpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.lmforge.model.eval.Evaluator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Backprop (with the tied head) against central finite differences of an independently computed
 * loss. Checking every parameter would need two forward passes each; instead a deterministic random
 * entry of EVERY parameter group (each LayerNorm gain/bias, each projection and bias of each block,
 * positions) is checked, plus extra entries of the tied embedding, so that a wrong gradient in any
 * one group fails the test.
 */
class GradientCheckTest {
  @EachVariant
  void analyticGradientMatchesFiniteDifferences(String variant) {
    // 2 layers: the SameDiffLayer gradient-doubling workaround differs per layer depth, so depth >
    // 1 matters
    GptConfig c = TestModels.config(variant, 11, 6, 2, 2, 8);
    Gpt g = new Gpt(c, 7, DataType.DOUBLE);
    SplittableRandom r = new SplittableRandom(3); // the batch, then the checked entries
    TestModels.Batch batch = TestModels.Batch.random(c, 2, r);
    int[][] x = batch.x(), y = batch.y();
    double loss = g.computeGradient(x, y, false);
    INDArray grad = g.gradients().dup();
    assertEquals(
        meanLoss(g, x, y), loss, 1e-9, "DL4J's score / T is the mean per-token cross-entropy");

    INDArray p = g.params();
    long headOff = g.offsetOf(Gpt.HEAD, "W"), wteOff = g.offsetOf(Gpt.WTE, "W");
    long wteEnd = wteOff + (long) c.vocabSize() * c.dModel();
    int groups = 0;
    long off = 0;
    for (String entry : g.parameterLayout()) { // "layer_key:length" in flat order
      long len = Long.parseLong(entry.substring(entry.lastIndexOf(':') + 1));
      if (off >= headOff) break; // the head's copy of wte and its frozen bias
      int samples = off == wteOff ? 4 : 1; // the tied matrix gets both gradients: check it more
      for (int s = 0; s < samples; s++) {
        long i = off + r.nextLong(len);
        boolean tied = i >= wteOff && i < wteEnd;
        double eps = 1e-6, orig = p.getDouble(i);
        double up = lossAt(g, p, i, orig + eps, tied, x, y),
            down = lossAt(g, p, i, orig - eps, tied, x, y);
        p.putScalar(i, orig);
        if (tied) g.tieWeights();
        double numeric = (up - down) / (2 * eps), analytic = grad.getDouble(i);
        double scale = Math.max(1e-4, Math.abs(numeric) + Math.abs(analytic));
        assertTrue(
            Math.abs(numeric - analytic) / scale < 1e-4 || Math.abs(numeric - analytic) < 1e-8,
            entry
                + " index "
                + (i - off)
                + (tied ? " (tied wte)" : "")
                + ": numeric "
                + numeric
                + " analytic "
                + analytic);
      }
      groups++;
      off += len;
    }
    // wte, (wpe), 16 per block, ln_f gain and bias
    int expected =
        1 + (c.positional() == GptConfig.Positional.LEARNED ? 1 : 0) + 16 * c.nLayer() + 2;
    assertEquals(expected, groups, "every parameter group before the head was checked");
  }

  /** Sets parameter i (re-tying the head if it is in wte) and returns the mean loss. */
  private static double lossAt(
      Gpt g, INDArray p, long i, double value, boolean tied, int[][] x, int[][] y) {
    p.putScalar(i, value);
    if (tied) g.tieWeights();
    return meanLoss(g, x, y);
  }

  private static double meanLoss(Gpt g, int[][] x, int[][] y) {
    return Evaluator.crossEntropySum(g, x, y) / (x.length * x[0].length);
  }
}
