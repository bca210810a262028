package org.lmforge.pipeline.scaling;

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
 * Chinchilla approach 3 (Hoffmann et al. 2022, section 3.3 and appendix D.2): minimise the Huber loss of
 * log-loss residuals over (log A, log B, log E, alpha, beta) from the paper's grid of initialisations and
 * keep the best optimum; percentile bootstrap intervals refit resampled data ({@link FitOptions.Resampling}: the
 * residuals at the planned points by default, whole runs as a comparison).
 *
 * <p>The paper used L-BFGS. No maintained Java library ships one (Hipparchus 3.1 has none; its BFGS-based
 * SQPOptimizerS needs a constraint and fails its own symmetry check after a BFGS update on this problem), so
 * the local optimiser is Hipparchus' Polak-Ribiere nonlinear conjugate gradient, preconditioned with the
 * Gauss-Newton metric of the residuals: a variable-metric method that reaches the same optimum as BOBYQA in
 * about 30 iterations (docs/scaling.md has the comparison).
 */
public final class ChinchillaFitter {
  static final double[] GRID_EXPONENT = {0, 0.5, 1, 1.5, 2};
  static final double[] GRID_E = {-1, -0.5, 0, 0.5, 1, 1.5};
  static final double[] GRID_AB = {0, 5, 10, 15, 20, 25};
  /** Local optima found from the grid that seed each bootstrap refit, besides the point estimate. */
  private static final int BOOTSTRAP_STARTS = 3;

  private ChinchillaFitter() {}

  /**
   * The fit, its percentile intervals (resampled as the options say) and how it was obtained, with the
   * intervals of the other resampling ({@code otherIntervals}, by {@code otherResampling}) for comparison.
   */
  public record Result(ChinchillaLaw law, double objective, Map<String, double[]> intervals, int gridPoints,
                       int localStarts, int converged, int bootstrapFits, List<ChinchillaLaw> bootstrapLaws,
                       FitOptions.Resampling otherResampling, Map<String, double[]> otherIntervals) {

    /**
     * The law's predicted loss at (n, d) with the percentile interval of the bootstrap refits' predictions at
     * the same point: {prediction, low, high}.
     */
    public double[] predict(double n, double d, double level) {
      double[] p = bootstrapLaws.stream().mapToDouble(l -> l.loss(n, d)).filter(Double::isFinite).sorted().toArray();
      if (p.length == 0) return new double[] {law.loss(n, d), Double.NaN, Double.NaN};
      return new double[] {law.loss(n, d), quantile(p, (1 - level) / 2), quantile(p, (1 + level) / 2)};
    }
  }

  public static Result fit(List<ScalingPoint> points, FitOptions options) {
    int n = points.size();
    double[] logN = new double[n], logD = new double[n], logL = new double[n], ones = new double[n];
    for (int i = 0; i < n; i++) {
      logN[i] = Math.log(points.get(i).params());
      logD[i] = Math.log(points.get(i).tokens());
      logL[i] = Math.log(points.get(i).loss());
      ones[i] = 1;
    }
    HuberObjective full = new HuberObjective(logN, logD, logL, ones, options.huberDelta());

    List<double[]> grid = grid();
    List<double[]> starts = pickStarts(full, grid, options.localStarts());
    List<PointValuePair> optima = new ArrayList<>();
    for (double[] s : starts) {
      PointValuePair p = minimize(full, s);
      if (p != null) {
        optima.add(p);
      }
    }
    if (optima.isEmpty()) {
      throw new IllegalStateException("the approach-3 optimiser failed from all " + starts.size() + " starts");
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
    List<double[]> resampled = bootstrap(logN, logD, logL, best.getPoint(), options, bootStarts);
    FitOptions.Resampling other = options.resampling() == FitOptions.Resampling.RESIDUALS
        ? FitOptions.Resampling.RUNS : FitOptions.Resampling.RESIDUALS;
    List<double[]> otherResampled = bootstrap(logN, logD, logL, best.getPoint(), options.withResampling(other),
        bootStarts);
    return new Result(HuberObjective.toLaw(best.getPoint()), best.getValue(), intervals(resampled, options.level()),
        grid.size(), starts.size(), optima.size(), resampled.size(),
        resampled.stream().map(HuberObjective::toLaw).toList(), other, intervals(otherResampled, options.level()));
  }

  static List<double[]> grid() {
    List<double[]> grid = new ArrayList<>();
    for (double alpha : GRID_EXPONENT) {
      for (double beta : GRID_EXPONENT) {
        for (double e : GRID_E) {
          for (double a : GRID_AB) {
            for (double b : GRID_AB) {
              grid.add(new double[] {a, b, e, alpha, beta});
            }
          }
        }
      }
    }
    return grid;
  }

  /**
   * All grid points when {@code count <= 0}; otherwise the {@code count} with the lowest objective plus the
   * best of each (alpha, beta) cell, so that every exponent region of the grid is explored once.
   */
  static List<double[]> pickStarts(HuberObjective objective, List<double[]> grid, int count) {
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
      if (cells.add(g[3] + "/" + g[4])) {
        chosen.add(i);
      }
    }
    List<double[]> starts = new ArrayList<>();
    chosen.forEach(i -> starts.add(grid.get(i)));
    return starts;
  }

  /** One local optimisation; null when the optimiser gives up (bad line search, evaluation budget). */
  static PointValuePair minimize(HuberObjective objective, double[] start) {
    NonLinearConjugateGradientOptimizer optimizer = new NonLinearConjugateGradientOptimizer(
        NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, new SimpleValueChecker(1e-12, 1e-14),
        1e-8, 1e-12, 1e-3,
        (point, steepest) -> new CholeskyDecomposition(new Array2DRowRealMatrix(objective.metric(point), false),
            1e-14, 0).getSolver().solve(new ArrayRealVector(steepest, false)).toArray());
    try {
      PointValuePair p = optimizer.optimize(new MaxEval(50_000), new MaxIter(5_000), GoalType.MINIMIZE,
          new InitialGuess(start), new ObjectiveFunction(objective::value),
          new ObjectiveFunctionGradient(x -> {
            double[] g = new double[HuberObjective.DIM];
            objective.valueAndGradient(x, g);
            return g;
          }));
      return Double.isFinite(p.getValue()) ? p : null;
    } catch (MathRuntimeException e) {
      return null;
    }
  }

  private static List<double[]> bootstrap(double[] logN, double[] logD, double[] logL, double[] fitted,
                                          FitOptions options, List<double[]> starts) {
    int n = logN.length;
    ChinchillaLaw law = HuberObjective.toLaw(fitted);
    double[] logFit = new double[n];
    for (int i = 0; i < n; i++) {
      logFit[i] = Math.log(law.loss(Math.exp(logN[i]), Math.exp(logD[i])));
    }
    // One seeded generator per resample keeps the result independent of thread scheduling.
    return IntStream.range(0, options.bootstrap()).parallel().mapToObj(r -> {
      Random random = new Random(options.seed() * 1_000_003L + r);
      double[] weight = new double[n];
      double[] y = logL;
      if (options.resampling() == FitOptions.Resampling.RUNS) {
        for (int i = 0; i < n; i++) {
          weight[random.nextInt(n)] += 1;
        }
      } else {
        // each run keeps its (N, D) and gets its fitted log-loss plus the residual of a run drawn at random
        Arrays.fill(weight, 1);
        y = new double[n];
        for (int i = 0; i < n; i++) {
          int j = random.nextInt(n);
          y[i] = logFit[i] + (logL[j] - logFit[j]);
        }
      }
      HuberObjective objective = new HuberObjective(logN, logD, y, weight, options.huberDelta());
      PointValuePair best = null;
      for (double[] s : starts) {
        PointValuePair p = minimize(objective, s);
        if (p != null && (best == null || p.getValue() < best.getValue())) {
          best = p;
        }
      }
      return best == null ? null : best.getPoint();
    }).filter(java.util.Objects::nonNull).toList();
  }

  /** Percentile intervals of E, A, B, alpha, beta and of the allocation exponents a and b. */
  private static Map<String, double[]> intervals(List<double[]> xs, double level) {
    Map<String, double[]> out = new LinkedHashMap<>();
    if (xs.isEmpty()) {
      return out;
    }
    Map<String, double[]> samples = new LinkedHashMap<>();
    for (String k : List.of("E", "A", "B", "alpha", "beta", "a", "b")) {
      samples.put(k, new double[xs.size()]);
    }
    for (int i = 0; i < xs.size(); i++) {
      ChinchillaLaw l = HuberObjective.toLaw(xs.get(i));
      samples.get("E")[i] = l.E();
      samples.get("A")[i] = l.A();
      samples.get("B")[i] = l.B();
      samples.get("alpha")[i] = l.alpha();
      samples.get("beta")[i] = l.beta();
      samples.get("a")[i] = l.nExponent();
      samples.get("b")[i] = l.dExponent();
    }
    samples.forEach((k, v) -> out.put(k, new double[] {quantile(v, (1 - level) / 2), quantile(v, (1 + level) / 2)}));
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
