package org.lmforge.analysis.scaling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * Chinchilla approach 2 (Hoffmann et al. 2022, section 3.2): group runs into IsoFLOP profiles, fit
 * a parabola of loss in log N to each, take its minimum as N_opt(C) and D_opt = C / 6 N_opt, then
 * fit power laws in C.
 *
 * <p>Runs group by their planned budget when known, else by 6ND; budgets within {@link #GROUP_DEX}
 * decades of the first run of a group share a profile. A profile counts only when it has 3 distinct
 * sizes, opens upward and has its minimum inside the sizes it tried: an extrapolated minimum is a
 * guess, not a measurement.
 */
public final class IsoFlopFit {
  /** Width of one budget group in decades (about 12%). */
  static final double GROUP_DEX = 0.05;

  private IsoFlopFit() {}

  /**
   * One profile: its budget, the (N, L) points, the parabola L = c0 + c1 x + c2 x^2 with x = ln N,
   * and the minimum, or the reason it has none.
   */
  public record Profile(
      double flops,
      List<double[]> points,
      double[] parabola,
      double paramsOpt,
      double lossOpt,
      String rejected) {
    public boolean valid() {
      return rejected == null;
    }

    public double parabolaLoss(double n) {
      double x = Math.log(n);
      return parabola[0] + parabola[1] * x + parabola[2] * x * x;
    }
  }

  /** All profiles found and, when at least 2 are valid, the fitted N_opt(C) and D_opt(C). */
  public record Result(List<Profile> profiles, Fitted<OptimalScaling> scaling) {}

  public static Result fit(List<ScalingPoint> points, double level) {
    List<Profile> profiles = new ArrayList<>();
    for (List<ScalingPoint> group : group(points)) {
      Profile p = profile(group);
      if (p != null) {
        profiles.add(p);
      }
    }
    List<double[]> optima = new ArrayList<>();
    for (Profile p : profiles) {
      if (p.valid()) {
        optima.add(new double[] {p.flops(), p.paramsOpt(), p.flops() / (6 * p.paramsOpt())});
      }
    }
    if (optima.size() < 2) {
      return new Result(
          profiles,
          Fitted.unavailable(
              profiles.size()
                  + " IsoFLOP profiles with 3 or more model sizes, "
                  + optima.size()
                  + " with a minimum inside the sizes tried; at least 2 are needed"));
    }
    return new Result(profiles, Fitted.of(OptimalScaling.fit(optima, level)));
  }

  static List<List<ScalingPoint>> group(List<ScalingPoint> points) {
    List<ScalingPoint> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingDouble(ScalingPoint::budgetOrFlops));
    List<List<ScalingPoint>> groups = new ArrayList<>();
    List<ScalingPoint> current = new ArrayList<>();
    double start = 0;
    for (ScalingPoint p : sorted) {
      double dex = Math.log10(p.budgetOrFlops());
      if (current.isEmpty() || dex - start > GROUP_DEX) {
        if (!current.isEmpty()) {
          groups.add(current);
        }
        current = new ArrayList<>();
        start = dex;
      }
      current.add(p);
    }
    if (!current.isEmpty()) {
      groups.add(current);
    }
    return groups;
  }

  /** The profile of one budget group; null when it has fewer than 3 distinct model sizes. */
  static Profile profile(List<ScalingPoint> group) {
    long sizes = group.stream().mapToDouble(ScalingPoint::params).distinct().count();
    if (sizes < 3) {
      return null;
    }
    double logC =
        group.stream().mapToDouble(p -> Math.log(p.budgetOrFlops())).average().orElseThrow();
    double flops = Math.exp(logC);
    List<double[]> nl =
        group.stream()
            .map(p -> new double[] {p.params(), p.loss()})
            .sorted(Comparator.comparingDouble(q -> q[0]))
            .toList();
    double[] c = parabola(nl);
    double xMin = Math.log(nl.get(0)[0]), xMax = Math.log(nl.get(nl.size() - 1)[0]);
    if (!(c[2] > 0)) {
      return new Profile(
          flops, nl, c, Double.NaN, Double.NaN, "the parabola opens downward: no minimum");
    }
    double x = -c[1] / (2 * c[2]);
    if (x < xMin || x > xMax) {
      return new Profile(
          flops,
          nl,
          c,
          Math.exp(x),
          Double.NaN,
          "the minimum lies outside the model sizes tried; add sizes on that side");
    }
    return new Profile(flops, nl, c, Math.exp(x), c[0] + c[1] * x + c[2] * x * x, null);
  }

  /**
   * Least squares L = c0 + c1 x + c2 x^2, x = ln N, solved by QR on the centred design for
   * stability.
   */
  static double[] parabola(List<double[]> nl) {
    double mean = nl.stream().mapToDouble(p -> Math.log(p[0])).average().orElseThrow();
    double[][] design = new double[nl.size()][3];
    double[] y = new double[nl.size()];
    for (int i = 0; i < nl.size(); i++) {
      double u = Math.log(nl.get(i)[0]) - mean;
      design[i] = new double[] {1, u, u * u};
      y[i] = nl.get(i)[1];
    }
    RealVector k =
        new QRDecomposition(new Array2DRowRealMatrix(design, false))
            .getSolver()
            .solve(new ArrayRealVector(y, false));
    // Expand k0 + k1 (x - m) + k2 (x - m)^2 into powers of x.
    double k0 = k.getEntry(0), k1 = k.getEntry(1), k2 = k.getEntry(2);
    return new double[] {k0 - k1 * mean + k2 * mean * mean, k1 - 2 * k2 * mean, k2};
  }
}
