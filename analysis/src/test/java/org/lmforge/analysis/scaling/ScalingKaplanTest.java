package org.lmforge.analysis.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Kaplan-style power laws fitted on synthetic power-law data recover exponent and scale. */
class ScalingKaplanTest {

  @Test
  void lossVsParamsRecoversKaplansLaw() {
    // Kaplan et al. eq. 1.1 exactly, with 0.5% noise; the extra token counts per size must not bias
    // the fit
    // because only the best run per size counts (the other runs add a data penalty).
    Random random = new Random(5);
    List<ScalingPoint> points = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      double n = 1e6 * Math.pow(10, i * 3.0 / 7);
      double l = Math.pow(8.8e13 / n, 0.076) * Math.exp(0.005 * random.nextGaussian());
      points.add(new ScalingPoint(n, 1e10, l));
      points.add(new ScalingPoint(n, 1e9, l * 1.05));
    }
    PowerLaw fit = KaplanFits.lossVsParams(points, 0.95).value();
    assertTrue(fit.alphaLow() <= 0.076 && 0.076 <= fit.alphaHigh(), fit.toString());
    assertEquals(0.076, fit.alpha(), 0.01);
    assertEquals(Math.log(8.8e13), Math.log(fit.scale()), 1.5);
    assertEquals(8, fit.points().size());
  }

  @Test
  void lossVsTokensRecoversAnExponent() {
    Random random = new Random(9);
    List<ScalingPoint> points = new ArrayList<>();
    for (int j = 0; j < 6; j++) {
      double d = 1e8 * Math.pow(10, j * 0.5);
      points.add(
          new ScalingPoint(
              1e9, d, Math.pow(5.4e13 / d, 0.095) * Math.exp(0.003 * random.nextGaussian())));
    }
    PowerLaw fit = KaplanFits.lossVsTokens(points, 0.95).value();
    assertEquals(0.095, fit.alpha(), 0.01);
    assertTrue(fit.alphaLow() <= 0.095 && 0.095 <= fit.alphaHigh(), fit.toString());
  }

  @Test
  void lossVsComputeUsesOnlyTheFrontier() {
    // Frontier points on L = (C_c / C)^0.05, plus dominated runs above it that must be ignored.
    List<ScalingPoint> points = new ArrayList<>();
    for (int k = 0; k < 6; k++) {
      double c = 1e15 * Math.pow(10, k);
      double l = Math.pow(3.1e8 * PublishedLaws.PF_DAY / c, 0.050);
      points.add(new ScalingPoint(c / 6e9, 1e9, l));
      points.add(new ScalingPoint(c / 6e9 * 1.5, 1e9, l * 1.3));
    }
    List<double[]> frontier = KaplanFits.computeFrontier(points);
    assertEquals(6, frontier.size());
    PowerLaw fit = KaplanFits.lossVsCompute(points, 0.95).value();
    assertEquals(0.050, fit.alpha(), 1e-9);
    assertEquals(3.1e8, fit.scale() / PublishedLaws.PF_DAY, 3.1e8 * 1e-6);
  }

  @Test
  void twoSizesAreNotEnough() {
    List<ScalingPoint> points =
        List.of(
            new ScalingPoint(1e6, 1e9, 4),
            new ScalingPoint(1e7, 1e9, 3.5),
            new ScalingPoint(1e7, 1e8, 3.8));
    Fitted<PowerLaw> fit = KaplanFits.lossVsParams(points, 0.95);
    assertFalse(fit.available());
    assertTrue(fit.reason().contains("2 distinct values of N"), fit.reason());
  }
}
