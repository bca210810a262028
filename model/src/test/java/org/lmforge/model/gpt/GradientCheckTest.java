package org.lmforge.model.gpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lmforge.model.eval.Evaluator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Backprop (with the tied head) against central finite differences of an independently computed loss. */
class GradientCheckTest {
  @ParameterizedTest
  @ValueSource(strings = {"LEARNED,false", "ALIBI,true"})
  void analyticGradientMatchesFiniteDifferences(String variant) {
    String[] v = variant.split(",");
    GptConfig c = new GptConfig(11, 8, 2, 2, 8, 0, GptConfig.Positional.valueOf(v[0]), Boolean.parseBoolean(v[1]));
    Gpt g = new Gpt(c, 7, DataType.DOUBLE);
    SplittableRandom r = new SplittableRandom(3);
    int[][] x = new int[3][8], y = new int[3][8];
    for (int i = 0; i < 3; i++) for (int t = 0; t < 8; t++) { x[i][t] = r.nextInt(11); y[i][t] = r.nextInt(11); }
    double loss = g.computeGradient(x, y, false);
    INDArray grad = g.gradients().dup();
    assertEquals(meanLoss(g, x, y), loss, 1e-9, "DL4J's score / T is the mean per-token cross-entropy");

    INDArray p = g.params();
    long headOff = g.offsetOf(Gpt.HEAD, "W"), wteOff = g.offsetOf(Gpt.WTE, "W");
    int checked = 0;
    double eps = 1e-6;
    for (int k = 0; k < 20; k++) {
      long i = r.nextLong(headOff);   // any parameter before the head copy
      double orig = p.getDouble(i);
      boolean tied = i >= wteOff && i < wteOff + (long) c.vocabSize() * c.dModel();
      p.putScalar(i, orig + eps);
      if (tied) g.tieWeights();
      double up = meanLoss(g, x, y);
      p.putScalar(i, orig - eps);
      if (tied) g.tieWeights();
      double down = meanLoss(g, x, y);
      p.putScalar(i, orig);
      if (tied) g.tieWeights();
      double numeric = (up - down) / (2 * eps), analytic = grad.getDouble(i);
      double scale = Math.max(1e-4, Math.abs(numeric) + Math.abs(analytic));
      assertTrue(Math.abs(numeric - analytic) / scale < 1e-4 || Math.abs(numeric - analytic) < 1e-8,
          "param " + i + (tied ? " (tied wte)" : "") + ": numeric " + numeric + " analytic " + analytic);
      checked++;
    }
    assertEquals(20, checked);
  }

  private static double meanLoss(Gpt g, int[][] x, int[][] y) {
    return Evaluator.crossEntropySum(g, x, y) / (x.length * x[0].length);
  }
}
