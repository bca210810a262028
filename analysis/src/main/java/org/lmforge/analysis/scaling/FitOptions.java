package org.lmforge.analysis.scaling;

import org.lmforge.config.Defaults;
import org.lmforge.config.Records;

/**
 * Settings of the scaling-law fits.
 *
 * @param huberDelta Huber threshold on log-loss residuals; 1e-3 as in Hoffmann et al. 2022, section
 *     3.3
 * @param bootstrap bootstrap resamples for the intervals of approach 3 (0: no intervals)
 * @param level confidence level of all intervals
 * @param localStarts grid initialisations optimised locally: the best-scoring ones, plus the best
 *     one per (alpha, beta) cell of the grid; 0 runs the optimiser from every grid point, as the
 *     paper did (about 100 times slower, same optimum on every data set we tried)
 * @param seed seed of the bootstrap resampling, so that a fit can be reproduced exactly
 * @param budgets compute budgets (FLOPs) to tabulate the compute-optimal N, D and tokens per
 *     parameter at
 * @param resampling what the bootstrap resamples: the fit's residuals at the planned (N, D) points,
 *     or whole runs
 * @param law which parametric form the predictions use: AUTO picks by forecast of the largest
 *     budget ({@link LawSelection}); CHINCHILLA or KAPLAN forces one (both are always fitted and
 *     reported)
 */
public record FitOptions(
    double huberDelta,
    int bootstrap,
    double level,
    int localStarts,
    long seed,
    double[] budgets,
    Resampling resampling,
    Law law) {

  /** The parametric form the predictions use. */
  public enum Law {
    AUTO,
    CHINCHILLA,
    KAPLAN
  }

  /**
   * The two bootstraps of a regression (Efron &amp; Tibshirani 1993, ch. 9). An IsoFLOP sweep fixes
   * its (N, D) points by design, so {@link #RESIDUALS} keeps them and redraws each run's loss as
   * its fitted value plus a residual drawn from all runs: it measures how far noise of the observed
   * size moves the fit. {@link #RUNS} redraws whole runs, so a resample can lose the smallest or
   * largest model of a budget; with a few runs per budget that turns many resamples into designs
   * that cannot identify the law, and the interval measures the design's fragility more than the
   * data's noise. Both are reported; the first is the headline.
   */
  public enum Resampling {
    RESIDUALS,
    RUNS
  }

  public FitOptions(
      double huberDelta,
      int bootstrap,
      double level,
      int localStarts,
      long seed,
      double[] budgets) {
    this(huberDelta, bootstrap, level, localStarts, seed, budgets, Resampling.RESIDUALS, Law.AUTO);
  }

  public FitOptions {
    if (resampling == null) {
      throw new IllegalArgumentException("resampling must be RESIDUALS or RUNS");
    }
    if (law == null) {
      throw new IllegalArgumentException("law must be AUTO, CHINCHILLA or KAPLAN");
    }
    if (!(huberDelta > 0)) {
      throw new IllegalArgumentException("huberDelta must be > 0, got " + huberDelta);
    }
    if (bootstrap < 0) {
      throw new IllegalArgumentException("bootstrap must be >= 0, got " + bootstrap);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
    for (double b : budgets) {
      if (!(b > 0) || Double.isInfinite(b)) {
        throw new IllegalArgumentException(
            "compute budgets must be positive FLOP counts, got " + b);
      }
    }
    budgets = budgets.clone();
  }

  /** The shipped defaults: {@code fit} of conf/fit.conf. */
  public static FitOptions defaults() {
    return Defaults.of("fit", "fit", FitOptions.class);
  }

  public FitOptions withBootstrap(int resamples) {
    return Records.with(this, "bootstrap", resamples);
  }

  public FitOptions withSeed(long newSeed) {
    return Records.with(this, "seed", newSeed);
  }

  public FitOptions withLocalStarts(int starts) {
    return Records.with(this, "localStarts", starts);
  }

  public FitOptions withBudgets(double... flops) {
    return Records.with(this, "budgets", flops);
  }

  public FitOptions withResampling(Resampling how) {
    return Records.with(this, "resampling", how);
  }
}
