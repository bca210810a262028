package org.lmforge.analysis.scaling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;

/**
 * Fits a parametric law ({@link LawForm}) the way Chinchilla approach 3 does (Hoffmann et al. 2022,
 * section 3.3 and appendix D.2): minimise the Huber loss of log-loss residuals from a grid of
 * initialisations and keep the best optimum; percentile bootstrap intervals refit resampled data
 * ({@link FitOptions.Resampling}: the residuals at the planned points by default, whole runs as a
 * comparison).
 *
 * <p>The paper used L-BFGS. No maintained Java library ships one (Hipparchus 3.1 has none; its
 * BFGS-based SQPOptimizerS needs a constraint and fails its own symmetry check after a BFGS update
 * on this problem), so the local optimiser is Hipparchus' Polak-Ribiere nonlinear conjugate
 * gradient, preconditioned with the Gauss-Newton metric of the residuals: a variable-metric method
 * that reaches the same optimum as BOBYQA in about 30 iterations (docs/scaling.md has the
 * comparison).
 */
public final class LawFitter {
  /**
   * Local optima found from the grid that seed each bootstrap refit, besides the point estimate.
   */
  private static final int BOOTSTRAP_STARTS = 3;

  private LawFitter() {}

  /**
   * The fit, its percentile intervals (resampled as the options say) and how it was obtained, with
   * the intervals of the other resampling ({@code otherIntervals}, by {@code otherResampling}) for
   * comparison. Interval keys: the law's parameter names, then "a" and "b" (N_opt proportional to
   * C^a, D_opt to C^b).
   */
  public record Result<L extends ScalingLaw>(
      L law,
      double objective,
      Map<String, double[]> intervals,
      int gridPoints,
      int localStarts,
      int converged,
      int bootstrapFits,
      List<L> bootstrapLaws,
      FitOptions.Resampling otherResampling,
      Map<String, double[]> otherIntervals,
      String objectiveText) {

    /**
     * The law's predicted loss at (n, d) with the percentile interval of the bootstrap refits'
     * predictions at the same point: {prediction, low, high}.
     */
    public double[] predict(double n, double d, double level) {
      double[] p =
          bootstrapLaws.stream()
              .mapToDouble(l -> l.loss(n, d))
              .filter(Double::isFinite)
              .sorted()
              .toArray();
      if (p.length == 0) return new double[] {law.loss(n, d), Double.NaN, Double.NaN};
      return new double[] {
        law.loss(n, d), quantile(p, (1 - level) / 2), quantile(p, (1 + level) / 2)
      };
    }
  }

  /** Chinchilla approach 3: L = E + A/N^alpha + B/D^beta. */
  public static Result<ChinchillaLaw> chinchilla(List<ScalingPoint> points, FitOptions options) {
    return fit(ChinchillaForm.INSTANCE, points, options);
  }

  /** Kaplan et al. 2020, eq. 1.5: L = ((N_c/N)^(alpha_N/alpha_D) + D_c/D)^alpha_D. */
  public static Result<KaplanLaw> kaplan(List<ScalingPoint> points, FitOptions options) {
    return fit(KaplanForm.INSTANCE, points, options);
  }

  static <L extends ScalingLaw> Result<L> fit(
      LawForm<L> form, List<ScalingPoint> points, FitOptions options) {
    int n = points.size();
    double[] logN = new double[n], logD = new double[n], logL = new double[n], ones = new double[n];
    for (int i = 0; i < n; i++) {
      logN[i] = Math.log(points.get(i).params());
      logD[i] = Math.log(points.get(i).tokens());
      logL[i] = Math.log(points.get(i).loss());
      ones[i] = 1;
    }
    HuberObjective full = new HuberObjective(form, logN, logD, logL, ones, options.huberDelta());

    List<double[]> grid = form.grid();
    List<double[]> starts = pickStarts(form, full, grid, options.localStarts());
    List<PointValuePair> optima = new ArrayList<>();
    for (double[] s : starts) {
      PointValuePair p = minimize(full, s);
      if (p != null) {
        optima.add(p);
      }
    }
    if (optima.isEmpty()) {
      throw new IllegalStateException(
          "the "
              + form.toLaw(grid.get(0)).form()
              + " fit's optimiser failed from all "
              + starts.size()
              + " starts");
    }
    optima.sort(Comparator.comparingDouble(PointValuePair::getValue));
    PointValuePair best = optima.get(0);

    List<double[]> bootStarts = new ArrayList<>();
    for (PointValuePair p : optima) {
      if (bootStarts.size() > BOOTSTRAP_STARTS) {
        break;
      }
      if (bootStarts.stream().noneMatch(q -> distance(q, p.getPoint()) < 1e-3)) {
        bootStarts.add(p.getPoint());
      }
    }
    List<double[]> resampled =
        bootstrap(form, logN, logD, logL, best.getPoint(), options, bootStarts);
    FitOptions.Resampling other =
        options.resampling() == FitOptions.Resampling.RESIDUALS
            ? FitOptions.Resampling.RUNS
            : FitOptions.Resampling.RESIDUALS;
    List<double[]> otherResampled =
        bootstrap(
            form, logN, logD, logL, best.getPoint(), options.withResampling(other), bootStarts);
    return new Result<>(
        form.toLaw(best.getPoint()),
        best.getValue(),
        intervals(form, resampled, options.level()),
        grid.size(),
        starts.size(),
        optima.size(),
        resampled.size(),
        resampled.stream().map(form::toLaw).toList(),
        other,
        intervals(form, otherResampled, options.level()),
        form.objective());
  }

  /**
   * All grid points when {@code count <= 0}; otherwise the {@code count} with the lowest objective
   * plus the best of each exponent cell, so that every exponent region of the grid is explored
   * once.
   */
  static List<double[]> pickStarts(
      LawForm<?> form, HuberObjective objective, List<double[]> grid, int count) {
    if (count <= 0) {
      return grid;
    }
    double[] value = new double[grid.size()];
    for (int i = 0; i < grid.size(); i++) {
      value[i] = objective.value(grid.get(i));
    }
    Integer[] order = new Integer[grid.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble(i -> value[i]));
    Set<Integer> chosen = new java.util.LinkedHashSet<>();
    for (int i = 0; i < Math.min(count, order.length); i++) {
      chosen.add(order[i]);
    }
    Set<String> cells = new HashSet<>();
    for (Integer i : order) {
      double[] g = grid.get(i);
      if (cells.add(form.cell(g))) {
        chosen.add(i);
      }
    }
    List<double[]> starts = new ArrayList<>();
    chosen.forEach(i -> starts.add(grid.get(i)));
    return starts;
  }

  /**
   * One local optimisation; null when the optimiser gives up (bad line search, evaluation budget).
   */
  static PointValuePair minimize(HuberObjective objective, double[] start) {
    NonLinearConjugateGradientOptimizer optimizer =
        new NonLinearConjugateGradientOptimizer(
            NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE,
            new SimpleValueChecker(1e-12, 1e-14),
            1e-8,
            1e-12,
            1e-3,
            (point, steepest) ->
                new CholeskyDecomposition(
                        new Array2DRowRealMatrix(objective.metric(point), false), 1e-14, 0)
                    .getSolver()
                    .solve(new ArrayRealVector(steepest, false))
                    .toArray());
    try {
      PointValuePair p =
          optimizer.optimize(
              new MaxEval(50_000),
              new MaxIter(5_000),
              GoalType.MINIMIZE,
              new InitialGuess(start),
              new ObjectiveFunction(objective::value),
              new ObjectiveFunctionGradient(
                  x -> {
                    double[] g = new double[objective.dim()];
                    objective.valueAndGradient(x, g);
                    return g;
                  }));
      return Double.isFinite(p.getValue()) ? p : null;
    } catch (MathRuntimeException e) {
      return null;
    }
  }

  private static List<double[]> bootstrap(
      LawForm<?> form,
      double[] logN,
      double[] logD,
      double[] logL,
      double[] fitted,
      FitOptions options,
      List<double[]> starts) {
    int n = logN.length;
    double[] logFit = new double[n];
    for (int i = 0; i < n; i++) {
      logFit[i] = form.logLoss(logN[i], logD[i], fitted, null);
    }
    // One seeded generator per resample keeps the result independent of thread scheduling.
    return IntStream.range(0, options.bootstrap())
        .parallel()
        .mapToObj(
            r -> {
              Random random = new Random(options.seed() * 1_000_003L + r);
              double[] weight = new double[n];
              double[] y = logL;
              if (options.resampling() == FitOptions.Resampling.RUNS) {
                for (int i = 0; i < n; i++) {
                  weight[random.nextInt(n)] += 1;
                }
              } else {
                // each run keeps its (N, D) and gets its fitted log-loss plus the residual of a run
                // drawn at random
                Arrays.fill(weight, 1);
                y = new double[n];
                for (int i = 0; i < n; i++) {
                  int j = random.nextInt(n);
                  y[i] = logFit[i] + (logL[j] - logFit[j]);
                }
              }
              HuberObjective objective =
                  new HuberObjective(form, logN, logD, y, weight, options.huberDelta());
              PointValuePair best = null;
              for (double[] s : starts) {
                PointValuePair p = minimize(objective, s);
                if (p != null && (best == null || p.getValue() < best.getValue())) {
                  best = p;
                }
              }
              return best == null ? null : best.getPoint();
            })
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  /** Percentile intervals of the law's parameters and of the allocation exponents a and b. */
  private static Map<String, double[]> intervals(LawForm<?> form, List<double[]> xs, double level) {
    Map<String, double[]> out = new LinkedHashMap<>();
    if (xs.isEmpty()) {
      return out;
    }
    Map<String, double[]> samples = new LinkedHashMap<>();
    for (int i = 0; i < xs.size(); i++) {
      ScalingLaw l = form.toLaw(xs.get(i));
      Map<String, Double> values = new LinkedHashMap<>(l.parameters());
      values.put("a", l.nExponent());
      values.put("b", l.dExponent());
      int row = i;
      values.forEach((k, v) -> samples.computeIfAbsent(k, key -> new double[xs.size()])[row] = v);
    }
    samples.forEach(
        (k, v) ->
            out.put(k, new double[] {quantile(v, (1 - level) / 2), quantile(v, (1 + level) / 2)}));
    return out;
  }

  /** Linear-interpolation quantile (type 7, the default of R and numpy). */
  static double quantile(double[] values, double q) {
    double[] s = values.clone();
    Arrays.sort(s);
    double h = (s.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, s.length - 1);
    return s[lo] + (h - lo) * (s[hi] - s[lo]);
  }

  private static double distance(double[] p, double[] q) {
    double d = 0;
    for (int i = 0; i < p.length; i++) {
      d = Math.max(d, Math.abs(p[i] - q[i]));
    }
    return d;
  }
}
