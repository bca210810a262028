package org.lmforge.analysis.scaling;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Loss tables drawn from a known law with seeded multiplicative noise, for the fit tests and the
 * bench.
 */
public final class SyntheticPoints {
  private SyntheticPoints() {}

  /**
   * A log-spaced grid: {@code sizes} model sizes in [nMin, nMax] times {@code lengths} token counts
   * in [dMin, dMax], loss = law(N, D) * exp(noise * z) with z standard normal.
   */
  public static List<ScalingPoint> grid(
      ScalingLaw law,
      double nMin,
      double nMax,
      int sizes,
      double dMin,
      double dMax,
      int lengths,
      double noise,
      long seed) {
    Random random = new Random(seed);
    List<ScalingPoint> points = new ArrayList<>();
    for (int i = 0; i < sizes; i++) {
      double n = logSpaced(nMin, nMax, sizes, i);
      for (int j = 0; j < lengths; j++) {
        double d = logSpaced(dMin, dMax, lengths, j);
        points.add(
            new ScalingPoint(n, d, law.loss(n, d) * Math.exp(noise * random.nextGaussian())));
      }
    }
    return points;
  }

  /**
   * IsoFLOP profiles: for each budget, {@code sizes} model sizes log-spaced over a factor {@code
   * spread} around the law's optimum, each trained on D = C / 6N tokens.
   */
  public static List<ScalingPoint> isoFlops(
      ScalingLaw law, double[] budgets, int sizes, double spread, double noise, long seed) {
    Random random = new Random(seed);
    List<ScalingPoint> points = new ArrayList<>();
    for (double c : budgets) {
      double nOpt = law.optimalAllocation(c).params();
      for (int i = 0; i < sizes; i++) {
        double n = logSpaced(nOpt / spread, nOpt * spread, sizes, i);
        double d = c / (6 * n);
        points.add(
            new ScalingPoint(n, d, law.loss(n, d) * Math.exp(noise * random.nextGaussian()), c));
      }
    }
    return points;
  }

  public static double logSpaced(double lo, double hi, int count, int i) {
    return count == 1
        ? lo
        : Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * i / (count - 1));
  }
}
