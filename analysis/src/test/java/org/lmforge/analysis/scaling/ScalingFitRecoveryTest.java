package org.lmforge.analysis.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Approach 3 on points drawn from known laws with 1% multiplicative noise recovers them. */
class ScalingFitRecoveryTest {
  @TempDir Path dir;

  @Test
  void recoversThePublishedChinchillaFitWithinItsIntervals() throws IOException {
    ChinchillaLaw truth = ChinchillaLaw.HOFFMANN_2022;
    JsonNode fit = fitThroughCsv(SyntheticPoints.grid(truth, 1e6, 1e9, 8, 1e8, 1e11, 8, 0.01, 7));

    assertInside(fit, "E", truth.E());
    assertInside(fit, "A", truth.A());
    assertInside(fit, "B", truth.B());
    assertInside(fit, "alpha", truth.alpha());
    assertInside(fit, "beta", truth.beta());
    assertEquals(truth.E(), fit.get("E").asDouble(), 0.05 * truth.E());
    assertEquals(truth.alpha(), fit.get("alpha").asDouble(), 0.03);
    assertEquals(truth.beta(), fit.get("beta").asDouble(), 0.03);
    assertEquals(truth.nExponent(), fit.at("/compute_optimal/a").asDouble(), 0.03);
    assertEquals(100, fit.at("/ci/resamples").asInt());
    assertEquals(0, fit.at("/excluded/count").asInt());
    assertEquals(64, fit.get("runs_used").asInt());
  }

  @Test
  void recoversALawUnlikeChinchillas() throws IOException {
    // Steeper in N, shallower in D, a higher floor: the grid of initialisations must not favour the
    // paper.
    ChinchillaLaw truth = new ChinchillaLaw(2.3, 2500, 90, 0.55, 0.18);
    JsonNode fit = fitThroughCsv(SyntheticPoints.grid(truth, 1e6, 1e9, 7, 1e8, 1e11, 7, 0.01, 11));

    for (String k : List.of("E", "alpha", "beta")) {
      assertInside(
          fit,
          k,
          switch (k) {
            case "E" -> truth.E();
            case "alpha" -> truth.alpha();
            default -> truth.beta();
          });
    }
    assertEquals(truth.alpha(), fit.get("alpha").asDouble(), 0.05);
    assertEquals(truth.beta(), fit.get("beta").asDouble(), 0.03);
  }

  @Test
  void computeOptimalAllocationFollowsTheClosedForm() {
    ChinchillaLaw law = ChinchillaLaw.HOFFMANN_2022;
    ScalingLaw.Allocation a = law.optimalAllocation(1e21);
    assertEquals(1e21, 6 * a.params() * a.tokens(), 1e21 * 1e-9);
    // The allocation minimises the loss along C = 6ND: nudging N either way makes it worse.
    for (double f : new double[] {0.9, 1.1}) {
      double n = a.params() * f;
      assertTrue(law.loss(n, 1e21 / (6 * n)) > a.loss());
    }
    // beta < alpha, so data should grow faster than parameters: tokens per parameter scale as C^(b
    // - a).
    double ratio = law.optimalAllocation(1e23).tokensPerParam() / a.tokensPerParam();
    assertEquals(Math.pow(100, law.dExponent() - law.nExponent()), ratio, 1e-9);
    assertTrue(ratio > 1);
  }

  private JsonNode fitThroughCsv(List<ScalingPoint> points) throws IOException {
    StringBuilder csv = new StringBuilder("params,tokens,loss\n");
    for (ScalingPoint p : points) {
      csv.append(String.format(Locale.ROOT, "%.6e,%.6e,%.8f%n", p.params(), p.tokens(), p.loss()));
    }
    Path in = dir.resolve("points.csv");
    Path out = dir.resolve("fit.json");
    Files.writeString(in, csv);
    ScalingFit.fitCsv(in, out, FitOptions.defaults().withBootstrap(100));
    return new ObjectMapper().readTree(out.toFile());
  }

  private static void assertInside(JsonNode fit, String key, double truth) {
    double lo = fit.at("/ci/" + key + "/0").asDouble(), hi = fit.at("/ci/" + key + "/1").asDouble();
    assertTrue(
        lo <= fit.get(key).asDouble() && fit.get(key).asDouble() <= hi,
        key + " estimate outside its interval");
    assertTrue(
        lo <= truth && truth <= hi, key + " = " + truth + " not in [" + lo + ", " + hi + "]");
  }
}
