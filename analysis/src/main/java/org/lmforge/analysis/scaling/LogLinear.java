package org.lmforge.analysis.scaling;

import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Ordinary least squares of log y on log x: log y = intercept + slope log x, i.e. y =
 * exp(intercept) x^slope. The power laws of Kaplan et al. and the N_opt(C), D_opt(C) lines of
 * Chinchilla approaches 1 and 2 are all this fit; the slope interval is the usual t interval (none
 * with fewer than 3 points).
 */
public record LogLinear(
    double slope, double intercept, double slopeLow, double slopeHigh, double r2, int n) {

  /**
   * Fits log y on log x (natural logs); all values must be positive and at least 2 distinct x
   * given.
   */
  public static LogLinear fit(List<double[]> xy, double level) {
    int n = xy.size();
    double mx = 0, my = 0;
    for (double[] p : xy) {
      mx += Math.log(p[0]);
      my += Math.log(p[1]);
    }
    mx /= n;
    my /= n;
    double sxx = 0, sxy = 0, syy = 0;
    for (double[] p : xy) {
      double dx = Math.log(p[0]) - mx, dy = Math.log(p[1]) - my;
      sxx += dx * dx;
      sxy += dx * dy;
      syy += dy * dy;
    }
    if (n < 2 || sxx <= 0) {
      throw new IllegalArgumentException(
          "a log-log line needs at least 2 distinct x values, got " + n + " points");
    }
    double slope = sxy / sxx;
    double intercept = my - slope * mx;
    double sse = Math.max(0, syy - slope * sxy);
    double r2 = syy > 0 ? 1 - sse / syy : 1;
    double lo = Double.NaN, hi = Double.NaN;
    if (n >= 3) {
      double se = Math.sqrt(sse / (n - 2) / sxx);
      double t = new TDistribution(n - 2).inverseCumulativeProbability(0.5 + level / 2);
      lo = slope - t * se;
      hi = slope + t * se;
    }
    return new LogLinear(slope, intercept, lo, hi, r2, n);
  }

  /** exp(intercept) x^slope. */
  public double predict(double x) {
    return Math.exp(intercept + slope * Math.log(x));
  }
}
