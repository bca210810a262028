package org.lmforge.analysis.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Chinchilla approaches 2 (IsoFLOP parabolas) and 1 (loss envelope) on synthetic runs of a known
 * law.
 */
class ScalingIsoFlopTest {
  private static final ChinchillaLaw LAW = ChinchillaLaw.HOFFMANN_2022;
  private static final double[] BUDGETS = {1e17, 1e18, 1e19, 1e20, 1e21};

  @Test
  void approachTwoRecoversTheAllocationExponents() {
    List<ScalingPoint> points = SyntheticPoints.isoFlops(LAW, BUDGETS, 9, 8, 0.003, 21);
    IsoFlopFit.Result r = IsoFlopFit.fit(points, 0.95);
    assertEquals(5, r.profiles().size());
    assertTrue(r.profiles().stream().allMatch(IsoFlopFit.Profile::valid));
    for (IsoFlopFit.Profile p : r.profiles()) {
      double truth = LAW.optimalAllocation(p.flops()).params();
      assertEquals(
          Math.log(truth), Math.log(p.paramsOpt()), Math.log(1.35), "N_opt at C = " + p.flops());
    }
    OptimalScaling s = r.scaling().value();
    // a = beta / (alpha + beta) = 0.452 for the published law; b = 1 - a because C = 6ND exactly.
    assertEquals(LAW.nExponent(), s.a(), 0.03);
    assertEquals(LAW.dExponent(), s.b(), 0.03);
    assertEquals(1.0, s.a() + s.b(), 1e-9);
  }

  @Test
  void groupsByComputeWhenNoBudgetIsGiven() {
    List<ScalingPoint> withBudget = SyntheticPoints.isoFlops(LAW, BUDGETS, 7, 6, 0, 1);
    List<ScalingPoint> without =
        withBudget.stream().map(p -> new ScalingPoint(p.params(), p.tokens(), p.loss())).toList();
    IsoFlopFit.Result r = IsoFlopFit.fit(without, 0.95);
    assertEquals(5, r.profiles().size());
    assertEquals(
        IsoFlopFit.fit(withBudget, 0.95).scaling().value().a(), r.scaling().value().a(), 1e-6);
  }

  @Test
  void aMinimumOutsideTheSizesTriedIsRejectedWithAReason() {
    // All sizes far above the optimum: the parabola's minimum is left of the data.
    List<ScalingPoint> points = new ArrayList<>();
    double c = 1e19;
    double nOpt = LAW.optimalAllocation(c).params();
    for (int i = 1; i <= 5; i++) {
      double n = nOpt * 10 * i;
      points.add(new ScalingPoint(n, c / (6 * n), LAW.loss(n, c / (6 * n)), c));
    }
    IsoFlopFit.Result r = IsoFlopFit.fit(points, 0.95);
    assertFalse(r.profiles().get(0).valid());
    assertTrue(r.profiles().get(0).rejected().contains("outside the model sizes tried"));
    assertFalse(r.scaling().available());
  }

  @Test
  void approachOneFollowsTheEnvelopeOfTrainingCurves() {
    // Each size trained well past its optimum, evaluated every 2x tokens: the envelope switches
    // from small
    // to large models as compute grows, at the law's optimum.
    List<EnvelopeFit.Curve> curves = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      double n = 1e6 * Math.pow(10, i * 4.0 / 9);
      List<double[]> tl = new ArrayList<>();
      for (double d = 1e7; d <= 1e13; d *= 1.5) {
        tl.add(new double[] {d, LAW.loss(n, d)});
      }
      curves.add(new EnvelopeFit.Curve(n, tl));
    }
    OptimalScaling s = EnvelopeFit.fit(curves, 0.95).value();
    assertEquals(LAW.nExponent(), s.a(), 0.05);
    assertEquals(LAW.dExponent(), s.b(), 0.05);
  }
}
