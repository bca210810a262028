package org.lmforge.analysis.scaling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Kaplan et al. 2020 single-variable power laws, each on the points where the other variables do
 * not bottleneck the loss, as well as a finite sweep allows:
 *
 * <ul>
 *   <li>L(N): for each model size, its lowest loss (the run with the most data);
 *   <li>L(D): for each token count, the lowest loss over model sizes;
 *   <li>L(C): the compute-efficient frontier, points that beat every point with less compute
 *       (Kaplan's L(C_min), with C = 6ND).
 * </ul>
 *
 * Each needs 3 distinct values of its variable; otherwise it is unavailable with that reason.
 */
public final class KaplanFits {
  static final int MIN_POINTS = 3;

  private KaplanFits() {}

  public static Fitted<PowerLaw> lossVsParams(List<ScalingPoint> points, double level) {
    return fitBest("N", points, ScalingPoint::params, level);
  }

  public static Fitted<PowerLaw> lossVsTokens(List<ScalingPoint> points, double level) {
    return fitBest("D", points, ScalingPoint::tokens, level);
  }

  public static Fitted<PowerLaw> lossVsCompute(List<ScalingPoint> points, double level) {
    List<double[]> frontier = computeFrontier(points);
    if (frontier.size() < MIN_POINTS) {
      return Fitted.unavailable(
          "the compute-efficient frontier has "
              + frontier.size()
              + " points, at least "
              + MIN_POINTS
              + " are needed");
    }
    return Fitted.of(PowerLaw.fit("C", frontier, level));
  }

  /**
   * (C, L) of the points whose loss is below that of every point with less compute, by increasing
   * C.
   */
  public static List<double[]> computeFrontier(List<ScalingPoint> points) {
    List<ScalingPoint> byC = new ArrayList<>(points);
    byC.sort(Comparator.comparingDouble(ScalingPoint::flops));
    List<double[]> frontier = new ArrayList<>();
    double best = Double.POSITIVE_INFINITY;
    for (ScalingPoint p : byC) {
      if (p.loss() < best) {
        best = p.loss();
        frontier.add(new double[] {p.flops(), p.loss()});
      }
    }
    return frontier;
  }

  private static Fitted<PowerLaw> fitBest(
      String variable, List<ScalingPoint> points, ToDoubleFunction<ScalingPoint> x, double level) {
    // Key on 6 significant digits so that 1.0e8 and 1.00000001e8 count as one size.
    Map<Double, Double> best = new TreeMap<>();
    for (ScalingPoint p : points) {
      double key =
          Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6g", x.applyAsDouble(p)));
      best.merge(key, p.loss(), Math::min);
    }
    if (best.size() < MIN_POINTS) {
      return Fitted.unavailable(
          best.size()
              + " distinct values of "
              + variable
              + ", at least "
              + MIN_POINTS
              + " are needed");
    }
    List<double[]> xl = new ArrayList<>();
    best.forEach((k, v) -> xl.add(new double[] {k, v}));
    return Fitted.of(PowerLaw.fit(variable, xl, level));
  }
}
