package org.lmforge.pipeline.train;

import java.io.Serializable;

/**
 * The sum over replicas of their step gradients (each the mean over its rows) and losses, with how
 * long the slowest replica computed: what a step's reduce carries back to the driver.
 */
record GradientShare(float[] gradient, double lossSum, int replicas, double maxComputeSeconds)
    implements Serializable {

  /** Sums b into a (a's array is reused: reduce owns both). */
  static GradientShare add(GradientShare a, GradientShare b) {
    if (a.gradient.length != b.gradient.length) {
      throw new IllegalStateException(
          "replica gradients of different lengths: "
              + a.gradient.length
              + " vs "
              + b.gradient.length
              + " (replicas built from different configurations)");
    }
    float[] g = a.gradient;
    float[] h = b.gradient;
    for (int i = 0; i < g.length; i++) {
      g[i] += h[i];
    }
    return new GradientShare(
        g,
        a.lossSum + b.lossSum,
        a.replicas + b.replicas,
        Math.max(a.maxComputeSeconds, b.maxComputeSeconds));
  }
}
