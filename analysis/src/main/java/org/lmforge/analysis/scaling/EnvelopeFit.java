package org.lmforge.analysis.scaling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Chinchilla approach 1 (Hoffmann et al. 2022, section 3.1): at each compute value, the run with
 * the lowest loss there gives N_opt(C) and D_opt = C / 6 N; power laws in C are fitted through
 * those minima.
 *
 * <p>A run contributes its training curve: at compute C it has the loss interpolated (linear in log
 * C) between the evaluations around C, and nothing outside the range it evaluated. Compute values
 * are a log-spaced grid plus every evaluation; only values where the envelope improves on all
 * smaller ones are kept, so a table of final losses only reduces to its compute-efficient frontier.
 * Needs 3 distinct winning model sizes.
 */
public final class EnvelopeFit {
  static final int GRID = 60;
  static final int MIN_SIZES = 3;

  private EnvelopeFit() {}

  /** A run's evaluations: its size and (tokens, loss) pairs. */
  public record Curve(double params, List<double[]> tokensLoss) {}

  public static Fitted<OptimalScaling> fit(List<Curve> curves, double level) {
    List<double[]> envelope = envelope(curves);
    long sizes = envelope.stream().mapToDouble(e -> e[1]).distinct().count();
    if (sizes < MIN_SIZES) {
      return Fitted.unavailable(
          "the loss envelope is made by "
              + sizes
              + " distinct model sizes, at least "
              + MIN_SIZES
              + " are needed");
    }
    return Fitted.of(OptimalScaling.fit(envelope, level));
  }

  /**
   * (C, N, D) of the lowest-loss run at each compute value, where that loss improves on smaller C.
   */
  static List<double[]> envelope(List<Curve> curves) {
    List<double[][]> byC = new ArrayList<>(); // per run: rows of (ln C, loss), increasing
    TreeSet<Double> grid = new TreeSet<>();
    double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
    for (Curve c : curves) {
      double[][] rows =
          c.tokensLoss().stream()
              .map(tl -> new double[] {Math.log(6 * c.params() * tl[0]), tl[1]})
              .sorted(Comparator.comparingDouble(r -> r[0]))
              .toArray(double[][]::new);
      byC.add(rows);
      for (double[] r : rows) {
        grid.add(r[0]);
        lo = Math.min(lo, r[0]);
        hi = Math.max(hi, r[0]);
      }
    }
    for (int i = 0; i < GRID && hi > lo; i++) {
      grid.add(lo + (hi - lo) * i / (GRID - 1));
    }
    List<double[]> out = new ArrayList<>();
    double best = Double.POSITIVE_INFINITY;
    for (double x : grid) {
      double winLoss = Double.POSITIVE_INFINITY, winN = Double.NaN;
      for (int k = 0; k < byC.size(); k++) {
        double l = interpolate(byC.get(k), x);
        if (l < winLoss) {
          winLoss = l;
          winN = curves.get(k).params();
        }
      }
      if (winLoss < best) {
        best = winLoss;
        double c = Math.exp(x);
        out.add(new double[] {c, winN, c / (6 * winN)});
      }
    }
    return out;
  }

  /** Loss at ln C = x by linear interpolation; +infinity outside the curve's range. */
  static double interpolate(double[][] rows, double x) {
    if (rows.length == 0 || x < rows[0][0] - 1e-12 || x > rows[rows.length - 1][0] + 1e-12) {
      return Double.POSITIVE_INFINITY;
    }
    for (int i = 0; i < rows.length; i++) {
      if (Math.abs(rows[i][0] - x) <= 1e-12) {
        return rows[i][1];
      }
      if (i + 1 < rows.length && rows[i][0] < x && x < rows[i + 1][0]) {
        double t = (x - rows[i][0]) / (rows[i + 1][0] - rows[i][0]);
        return rows[i][1] + t * (rows[i + 1][1] - rows[i][1]);
      }
    }
    return Double.POSITIVE_INFINITY;
  }
}
