package org.lmforge.pipeline.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.analysis.scaling.ChinchillaLaw;
import org.lmforge.analysis.scaling.FitOptions;
import org.lmforge.analysis.scaling.KaplanLaw;
import org.lmforge.analysis.scaling.ScalingFit;
import org.lmforge.analysis.scaling.ScalingLaw;
import org.lmforge.analysis.scaling.ScalingPoint;
import org.lmforge.analysis.scaling.SyntheticPoints;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.job.UserError;
import org.lmforge.pipeline.train.PretrainConfig;
import org.lmforge.pipeline.train.SparkWithTokens;

/**
 * Parallel sweep runs and the held-out prediction run, on real token shards and real (tiny)
 * training on local[2]; and the identification criteria of the law sweep on a planted law.
 */
class SweepPredictionTest {
  @RegisterExtension
  static final SparkWithTokens DATA = new SparkWithTokens("sweep-prediction-test", 150);

  @TempDir static Path tmp;
  static final Progress QUIET = Progress.quiet();

  static PretrainConfig template(int replicas) {
    return TinySweep.template(DATA.tokens(), replicas, 10);
  }

  static SweepConfig sweep(String dir, int parallelRuns, double predict) {
    return TinySweep.isoflop(
        DATA.tokens(),
        tmp.resolve(dir),
        200,
        parallelRuns,
        16,
        new SweepConfig.Predict(predict, 400));
  }

  /** runs.csv without the columns that are timings. */
  static List<String> withoutTimings(Path csv) throws Exception {
    List<String> lines = Files.readAllLines(csv);
    int wall = SweepRunner.COLUMNS.indexOf("wall_seconds"),
        tps = SweepRunner.COLUMNS.indexOf("tokens_per_second");
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      String[] f = line.split(",");
      f[wall] = "";
      f[tps] = "";
      out.add(String.join(",", f));
    }
    return out;
  }

  @Test
  void runsTrainedTwoAtATimeEqualTheSameRunsOneByOne() throws Exception {
    // Two runs at once, each with one of the two task slots, against one at a time with one replica
    // each.
    SweepRunner.Result together =
        SweepRunner.run(DATA.session(), sweep("together", 2, 0), template(2), QUIET);
    SweepRunner.Result oneByOne =
        SweepRunner.run(DATA.session(), sweep("one-by-one", 1, 0), template(1), QUIET);
    assertTrue(together.points().size() >= 4, together.leftOut().toString());
    assertEquals(together.points(), oneByOne.points());
    List<String> a = withoutTimings(tmp.resolve("together/runs.csv"));
    assertEquals(together.points().size() + 1, a.size());
    assertEquals(withoutTimings(tmp.resolve("one-by-one/runs.csv")), a);
    // the learning-rate rule gave the wider models a smaller rate (lrRefWidth 16: d24 -> 2/3, d32
    // -> 1/2)
    JsonNode run =
        new ObjectMapper()
            .readTree(
                tmp.resolve("together/runs")
                    .resolve(
                        together.points().stream()
                            .filter(p -> p.shape().dModel() == 32)
                            .findFirst()
                            .orElseThrow()
                            .runId())
                    .resolve("run.json")
                    .toFile());
    assertEquals(1.5e-3, run.path("config").path("optim").path("lr").asDouble(), 1e-12);
  }

  @Test
  void thePredictionRunIsHeldOutAndResumesAfterACrashOnItsUninterruptedCurve() throws Exception {
    // A fit to stand in for the sweep's own: a planted law (Chinchilla's), its IsoFLOP points,
    // fitted as usual.
    ChinchillaLaw planted = ChinchillaLaw.HOFFMANN_2022;
    List<ScalingPoint> points =
        SyntheticPoints.isoFlops(planted, new double[] {1e7, 3e7, 1e8}, 5, 4, 0.002, 3);
    ScalingFit.Result fit =
        ScalingFit.fit(points, List.of(), null, FitOptions.defaults().withBootstrap(40));

    SweepPrediction.Prediction clean =
        SweepPrediction.run(DATA.session(), sweep("pred-clean", 1, 2.0), template(2), fit, QUIET);
    assertEquals(2.0 * 5e7, clean.budget(), 1);
    // the family's shape nearest the law's N_opt in log N
    double nOpt = fit.law().optimalAllocation(clean.budget()).params();
    long[] family = {
      3_312, 7_272, 25_472
    }; // non-embedding N of L1-d16, L1-d24, L2-d32 (12·L·d² + biases, gains)
    long nearest = family[0];
    for (long n : family)
      if (Math.abs(Math.log(n / nOpt)) < Math.abs(Math.log(nearest / nOpt))) nearest = n;
    assertEquals(nearest, clean.params());
    assertEquals(fit.law().loss(clean.params(), clean.tokens()), clean.predictedLoss(), 1e-12);
    assertTrue(clean.low() <= clean.predictedLoss() && clean.predictedLoss() <= clean.high());
    assertTrue(
        clean.measuredLoss() > 0 && clean.measuredLoss() < Math.log(320),
        "trained: " + clean.measuredLoss());
    assertTrue(Files.exists(tmp.resolve("pred-clean").resolve(SweepPrediction.FILE)));
    assertFalse(
        Files.exists(tmp.resolve("pred-clean/runs.csv")), "the prediction run is in no runs table");
    // fit.json carries the prediction beside the fitted law (the sweep job attaches it), replaced
    // atomically
    Path fitJson = tmp.resolve("pred-clean/fit.json");
    Files.writeString(fitJson, "{\"E\": 1.5}");
    SweepPrediction.attach(fitJson, clean);
    JsonNode fitted = new ObjectMapper().readTree(fitJson.toFile());
    assertEquals(1.5, fitted.path("E").asDouble());
    assertEquals(
        clean.measuredLoss(), fitted.path("prediction").path("measuredLoss").asDouble(), 0);
    assertEquals(
        List.of("fit.json"),
        Files.list(tmp.resolve("pred-clean"))
            .map(f -> f.getFileName().toString())
            .filter(f -> f.contains("fit.json"))
            .toList(),
        "no temporary or checksum file of fit.json left");

    // The same prediction run crashing at step 20 (after its checkpoint at step 10), then re-run.
    Progress crashing = crashAt("step 20/");
    assertThrows(
        Crash.class,
        () ->
            SweepPrediction.run(
                DATA.session(), sweep("pred-crash", 1, 2.0), template(2), fit, crashing));
    assertFalse(Files.exists(tmp.resolve("pred-crash").resolve(SweepPrediction.FILE)));
    SweepPrediction.Prediction resumed =
        SweepPrediction.run(DATA.session(), sweep("pred-crash", 1, 2.0), template(2), fit, QUIET);
    JsonNode summary =
        new ObjectMapper()
            .readTree(
                tmp.resolve("pred-crash/runs")
                    .resolve(resumed.runId())
                    .resolve("summary.json")
                    .toFile());
    assertEquals(
        10,
        summary.path("resumedFromStep").asLong(),
        "resumed from the checkpoint before the crash");
    assertEquals(clean.steps(), summary.path("steps").asLong());
    assertEquals(clean.measuredLoss(), resumed.measuredLoss(), 1e-6);

    // Again with a lower sweep.predict.maxSteps, a setting only the prediction run uses (so the
    // sweep's own check of its runs cannot see it): the finished run has more steps than it would
    // be given now, so it is refused, naming the key and the directory to delete, not kept as is.
    SweepConfig capped =
        TinySweep.isoflop(
            DATA.tokens(),
            tmp.resolve("pred-crash"),
            200,
            1,
            16,
            new SweepConfig.Predict(2.0, clean.steps() / 2));
    UserError refused =
        assertThrows(
            UserError.class,
            () -> SweepPrediction.run(DATA.session(), capped, template(2), fit, QUIET));
    assertTrue(
        refused
            .getMessage()
            .contains(
                "the prediction run was trained with other settings than these: "
                    + "pretrain.optim.maxSteps "
                    + clean.steps()
                    + " -> "
                    + clean.steps() / 2),
        refused.getMessage());
    assertTrue(refused.getMessage().contains("delete "), refused.getMessage());
  }

  @Test
  void aPlantedLawIsIdentifiedByIsoFlopProfilesAndPredictsA4xLargerRun() {
    // What the law sweep must achieve, checked on a law we know: 4 budgets over 1.5 decades, 5
    // sizes each spread 4x around the optimum, 1% multiplicative noise (about the seed-to-seed
    // spread of a real run).
    assertIdentifiedAndPredicts4xLarger(
        new ChinchillaLaw(1.8, 300, 900, 0.35, 0.30),
        "chinchilla",
        new double[] {1e11, 3.16e11, 1e12, 3.16e12},
        5,
        11);
  }

  @Test
  void aPlantedKaplanJointLawIsChosenOverChinchillasAndPredictsA4xLargerRun() {
    // A law where a larger model gains more from the same extra data (Kaplan et al. 2020, eq. 1.5)
    // with the exponents measured by the law sweep; the additive Chinchilla form cannot express it.
    ScalingFit.Result fit =
        assertIdentifiedAndPredicts4xLarger(
            new KaplanLaw(7e11, 3.5e11, 0.07, 0.11),
            "kaplan",
            new double[] {1e10, 3.2e10, 1e11, 3.2e11},
            6,
            5);
    double[] alphaN = fit.selected().intervals().get("alpha_N");
    assertTrue(
        alphaN[0] <= 0.07 && 0.07 <= alphaN[1],
        "alpha_N interval covers the truth: " + alphaN[0] + ".." + alphaN[1]);
  }

  /**
   * Fits the IsoFLOP points of {@code planted} ({@code sizes} per budget, spread 4x, 1% noise drawn
   * with {@code seed}); asserts the forecast picks its {@code form}, identifies its exponents and
   * predicts a run at 4x the largest budget. Returns the fit for the law's own checks.
   */
  private static ScalingFit.Result assertIdentifiedAndPredicts4xLarger(
      ScalingLaw planted, String form, double[] budgets, int sizes, long seed) {
    List<ScalingPoint> points = SyntheticPoints.isoFlops(planted, budgets, sizes, 4, 0.01, seed);
    ScalingFit.Result fit = ScalingFit.fit(points, List.of(), null, FitOptions.defaults());
    assertEquals(
        form,
        fit.law().form(),
        "the forecast of the largest budget picks the planted form: " + fit.selection());
    for (String k : planted.exponentNames()) {
      double[] iv = fit.selected().intervals().get(k);
      assertTrue(iv[0] > 0 && iv[1] / iv[0] < 3, k + " identified: " + iv[0] + ".." + iv[1]);
    }
    assertTrue(fit.approach1().available() && fit.approach2().scaling().available());
    double a3 = fit.law().nExponent();
    assertEquals(a3, fit.approach2().scaling().value().a(), 0.15);
    assertEquals(a3, fit.approach1().value().a(), 0.15);
    double c = 4 * budgets[budgets.length - 1];
    ScalingLaw.Allocation opt = fit.law().optimalAllocation(c);
    double truth = planted.loss(opt.params(), opt.tokens());
    double[] predicted = fit.selected().predict(opt.params(), opt.tokens(), 0.95);
    assertEquals(truth, predicted[0], 0.02 * truth);
    assertTrue(
        predicted[1] <= truth && truth <= predicted[2],
        truth + " in " + predicted[1] + ".." + predicted[2]);
    return fit;
  }

  static final class Crash extends RuntimeException {
    Crash(String m) {
      super(m);
    }
  }

  /**
   * A console that throws (as a dying driver would stop) when a line containing {@code marker} is
   * printed.
   */
  static Progress crashAt(String marker) {
    return line -> {
      if (line.contains(marker)) throw new Crash("crashed at: " + line);
    };
  }
}
