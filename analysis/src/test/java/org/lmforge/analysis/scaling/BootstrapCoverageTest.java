package org.lmforge.analysis.scaling;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The residual bootstrap's 95% intervals on IsoFLOP designs like the law sweep's (4 budgets over
 * 1.5 decades, 5 sizes each, 1.5% noise): over independent noise draws of a planted law they must
 * cover the true exponents about 95% of the time, and be neither degenerate (zero width) nor as
 * loose as the resampling of whole runs.
 */
class BootstrapCoverageTest {
  static final ChinchillaLaw TRUTH = new ChinchillaLaw(3.5, 60, 900, 0.6, 0.45);
  static final double[] BUDGETS = {1e10, 3.2e10, 1e11, 3.2e11};

  @Test
  void residualIntervalsCoverThePlantedExponents() {
    int draws = 12, coveredAlpha = 0, coveredBeta = 0;
    double widthResiduals = 0, widthRuns = 0;
    FitOptions options = FitOptions.defaults().withBootstrap(60).withLocalStarts(8);
    for (int s = 0; s < draws; s++) {
      List<ScalingPoint> points = SyntheticPoints.isoFlops(TRUTH, BUDGETS, 5, 4, 0.015, 100 + s);
      LawFitter.Result<ChinchillaLaw> r = LawFitter.chinchilla(points, options.withSeed(s));
      double[] alpha = r.intervals().get("alpha"), beta = r.intervals().get("beta");
      if (alpha[0] <= TRUTH.alpha() && TRUTH.alpha() <= alpha[1]) coveredAlpha++;
      if (beta[0] <= TRUTH.beta() && TRUTH.beta() <= beta[1]) coveredBeta++;
      assertTrue(alpha[1] > alpha[0] && beta[1] > beta[0], "degenerate interval in draw " + s);
      widthResiduals += Math.log(alpha[1] / alpha[0]);
      double[] runs = r.otherIntervals().get("alpha");
      widthRuns += Math.log(runs[1] / Math.max(runs[0], 1e-6));
    }
    // 95% nominal over 12 draws: 9 or more covered has probability > 0.99 if the coverage is right
    assertTrue(coveredAlpha >= 9, "alpha covered in " + coveredAlpha + " of " + draws + " draws");
    assertTrue(coveredBeta >= 9, "beta covered in " + coveredBeta + " of " + draws + " draws");
    assertTrue(
        widthResiduals < widthRuns,
        "residual intervals (mean log-width "
            + widthResiduals / draws
            + ") should be tighter than run resampling's ("
            + widthRuns / draws
            + ") on a fixed design");
  }
}
