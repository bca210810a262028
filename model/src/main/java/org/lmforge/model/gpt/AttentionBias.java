package org.lmforge.model.gpt;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The additive attention bias: causal mask (key after query -> -1e9) plus, for ALiBi,
 * -slope_h·(q-k).
 */
public final class AttentionBias {
  /**
   * Added to masked scores; large enough that softmax gives exactly 0 in float, finite to avoid
   * NaN.
   */
  public static final double MASKED = -1e9;

  private AttentionBias() {}

  /**
   * ALiBi head slopes 2^(-8(h+1)/H) (Press et al. 2021; geometric for any H, not only powers of
   * two).
   */
  public static double slope(int head, int nHead) {
    return Math.pow(2.0, -8.0 * (head + 1) / nHead);
  }

  /** Bias for query position q and key position k (k &lt;= q is visible). */
  public static double value(int head, int nHead, int q, int k, boolean alibi) {
    if (k > q) return MASKED;
    return alibi ? -slope(head, nHead) * (q - k) : 0.0;
  }

  /** [H,T,T] bias for full sequences of length t. */
  public static INDArray matrix(int nHead, int t, boolean alibi, DataType type) {
    double[] b = new double[nHead * t * t];
    for (int h = 0; h < nHead; h++)
      for (int q = 0; q < t; q++)
        for (int k = 0; k < t; k++) b[(h * t + q) * t + k] = value(h, nHead, q, k, alibi);
    return Nd4j.create(b, new long[] {nHead, t, t}, DataType.DOUBLE).castTo(type);
  }
}
