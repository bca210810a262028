package org.lmforge.analysis.scaling;

import java.util.List;

/**
 * A Kaplan-style power law L(X) = (X_c / X)^alpha (Kaplan et al. 2020, eqs. 1.1-1.3), fitted on the
 * given (X, L) points by least squares in log-log space.
 *
 * @param variable "N", "D" or "C"
 * @param alpha the exponent
 * @param alphaLow lower end of its 95% interval (NaN with fewer than 3 points)
 * @param alphaHigh upper end
 * @param scale X_c, in the unit of X (parameters, tokens or FLOPs)
 * @param points the (X, L) points the law was fitted on, kept for plotting
 */
public record PowerLaw(
    String variable,
    double alpha,
    double alphaLow,
    double alphaHigh,
    double scale,
    double r2,
    List<double[]> points) {

  static PowerLaw fit(String variable, List<double[]> xl, double level) {
    LogLinear line = LogLinear.fit(xl, level);
    double alpha = -line.slope();
    // log L = alpha log X_c - alpha log X, so the intercept is alpha log X_c.
    double scale = Math.exp(line.intercept() / alpha);
    return new PowerLaw(
        variable, alpha, -line.slopeHigh(), -line.slopeLow(), scale, line.r2(), List.copyOf(xl));
  }

  public double loss(double x) {
    return Math.pow(scale / x, alpha);
  }
}
