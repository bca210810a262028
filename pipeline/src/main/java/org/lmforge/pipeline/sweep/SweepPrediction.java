package org.lmforge.pipeline.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.lmforge.analysis.scaling.ScalingFit;
import org.lmforge.analysis.scaling.ScalingLaw;
import org.lmforge.config.LocalFiles;
import org.lmforge.dataprep.tokenize.ShardManifest;
import org.lmforge.model.gpt.GptConfig;
import org.lmforge.model.train.Optim;
import org.lmforge.pipeline.io.AtomicFile;
import org.lmforge.pipeline.io.Json;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.job.RecordedSettings;
import org.lmforge.pipeline.job.UserError;
import org.lmforge.pipeline.tokenize.ShardFiles;
import org.lmforge.pipeline.train.PretrainConfig;
import org.lmforge.pipeline.train.PretrainResult;
import org.lmforge.pipeline.train.PretrainRun;

/**
 * The held-out check of a fitted law, what scaling laws are for: after the fit, train one run at
 * {@code predict.multiplier} x the largest fitted budget at the law's compute-optimal size, and
 * compare its final validation loss with the law's prediction at the run's actual N and D (with the
 * bootstrap interval). The run lives in {@code runs/<predict-…>/} but is never in runs.csv, so no
 * fit ever sees it; the outcome is written to {@code prediction.json} (and into fit.json by the
 * sweep job). Resumable like any sweep run.
 *
 * <p>The run is trained like the fitted ones: the same tokens per step and schedule rule. When the
 * sweep ran several runs at once, the prediction run takes all their replicas with the batch
 * divided among them (K replicas x B/K rows is the same step as one replica x B, see PretrainRun).
 */
public final class SweepPrediction {
  public static final String FILE = "prediction.json";

  /**
   * @param budget planned compute C = multiplier x the largest fitted budget
   * @param optimalParams the law's N_opt(C); the run takes the family's shape nearest to it in log
   *     N
   * @param params N of the run (non-embedding), {@code tokens} its D
   * @param predictedLoss L(N, D) of the fitted law, {@code low}/{@code high} the bootstrap interval
   * @param relativeError (measured - predicted) / predicted
   * @param note what differs from the plan (steps capped, N_opt outside the family), or ""
   */
  public record Prediction(
      String runId,
      double multiplier,
      double budget,
      double optimalParams,
      double optimalTokens,
      int nLayer,
      int nHead,
      int dModel,
      long params,
      long tokens,
      int steps,
      double predictedLoss,
      double low,
      double high,
      double level,
      double measuredLoss,
      double relativeError,
      double predictedBitsPerByte,
      double measuredBitsPerByte,
      double wallSeconds,
      String note) {
    public boolean insideInterval() {
      return measuredLoss >= low && measuredLoss <= high;
    }
  }

  private SweepPrediction() {}

  public static Prediction run(
      SparkSession spark,
      SweepConfig sweep,
      PretrainConfig template,
      ScalingFit.Result fit,
      Progress console)
      throws IOException {
    org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
    ShardManifest manifest = ShardFiles.open(sweep.tokens(), conf).manifest();
    int perRun = SweepRunner.replicasPerRun(spark, sweep, template);
    int batch = template.optim().batchSize();
    int replicas = perRun;
    if (sweep.parallelRuns() > 1 && batch % sweep.parallelRuns() == 0) {
      replicas = perRun * sweep.parallelRuns();
      batch = batch / sweep.parallelRuns();
    }
    GptConfig base = template.gpt(manifest.vocabSize());
    long tokensPerStep =
        (long) replicas * batch * template.optim().gradAccum() * base.contextLength();

    double largest =
        sweep.plan() == SweepConfig.Plan.ISOFLOP
            ? sweep.budgets().stream().mapToDouble(Double::doubleValue).max().orElseThrow()
            : fit.points().stream()
                .mapToDouble(p -> 6 * p.params() * p.tokens())
                .max()
                .orElseThrow();
    double budget = sweep.predict().multiplier() * largest;
    ScalingLaw.Allocation opt = fit.law().optimalAllocation(budget);
    SweepConfig.Shape shape =
        sweep.shapes().stream()
            .min(
                Comparator.comparingDouble(
                    s -> Math.abs(Math.log(params(base, s)) - Math.log(opt.params()))))
            .orElseThrow();
    long n = params(base, shape);
    StringBuilder note = new StringBuilder();
    long smallest = sweep.shapes().stream().mapToLong(s -> params(base, s)).min().orElseThrow();
    long biggest = sweep.shapes().stream().mapToLong(s -> params(base, s)).max().orElseThrow();
    if (opt.params() < smallest / 1.5 || opt.params() > biggest * 1.5) {
      note.append(
          String.format(
              Locale.ROOT,
              "N_opt = %.3g lies outside the family (%,d..%,d): the nearest shape is used; ",
              opt.params(),
              smallest,
              biggest));
    }
    long steps = Math.max(1, Math.round(budget / (6.0 * n) / tokensPerStep));
    if (steps > sweep.predict().maxSteps()) {
      note.append(
          String.format(
              Locale.ROOT,
              "%d steps capped at sweep.predict.maxSteps = %d; ",
              steps,
              sweep.predict().maxSteps()));
      steps = sweep.predict().maxSteps();
    }
    long tokens = steps * tokensPerStep;
    String id =
        String.format(
                Locale.ROOT,
                "predict-c%.1e-L%d-h%d-d%d",
                budget,
                shape.nLayer(),
                shape.nHead(),
                shape.dModel())
            .replace("+", "");
    SweepPoint point =
        new SweepPoint(
            id,
            shape,
            n,
            SweepPlan.model(base, shape).parameterCount(),
            budget,
            tokens,
            (int) steps);
    double level = fit.options().level();
    double[] predicted = fit.selected().predict(n, tokens, level);
    console.printf(
        // %.3g: a law fitted on too small a sweep can put N_opt far below one parameter
        "prediction run %s: C = %.2e (%.0f x the largest fitted budget), the law's N_opt = %.3g -> "
            + "shape L%d-h%d-d%d, N = %,d, D = %,d (%d steps); predicted val loss %.4f [%.4f, %.4f]%s",
        id,
        budget,
        sweep.predict().multiplier(),
        opt.params(),
        shape.nLayer(),
        shape.nHead(),
        shape.dModel(),
        n,
        tokens,
        steps,
        predicted[0],
        predicted[1],
        predicted[2],
        note.isEmpty() ? "" : "; " + note.toString().strip().replaceAll(";$", ""));

    Path out = new Path(sweep.output());
    FileSystem fs = out.getFileSystem(conf);
    Path dir = SweepRunner.runDir(out, id);
    Optim optim = template.optim();
    PretrainConfig runTemplate =
        template.withReplicas(replicas).withOptim(optim.withBatch(batch, optim.gradAccum()));
    SweepConfig oneRun = sweep.withParallelRuns(1);
    List<RecordedSettings.Change> changes =
        SweepRunner.settingsChanges(
            fs,
            dir,
            SweepRunner.runConfig(oneRun, runTemplate, point, replicas, dir, false),
            manifest);
    if (!changes.isEmpty()) {
      // the sweep's runs were checked before the fit; settings that only this run uses
      // (sweep.predict.maxSteps) or a run started before a change would otherwise be kept as is
      throw UserError.of(
          "the prediction run was trained with other settings than these:",
          RecordedSettings.render(changes) + " (" + dir + ")",
          "restore them, or delete " + dir + " to train it anew with these");
    }
    PretrainResult r;
    Path summary = new Path(dir, PretrainRun.SUMMARY);
    if (PretrainRun.isComplete(fs, dir)) {
      try (InputStream in = fs.open(summary)) {
        r = Json.PRETTY.readValue(in, PretrainResult.class);
      }
      console.printf("prediction run %s: done earlier", id);
    } else {
      r = SweepRunner.trainPoint(spark, oneRun, runTemplate, point, replicas, dir, fs, console);
    }
    double bpt = manifest.split("validation").bytesPerToken();
    Prediction p =
        new Prediction(
            id,
            sweep.predict().multiplier(),
            budget,
            opt.params(),
            opt.tokens(),
            shape.nLayer(),
            shape.nHead(),
            shape.dModel(),
            n,
            r.tokens(),
            (int) r.steps(),
            predicted[0],
            predicted[1],
            predicted[2],
            level,
            r.finalValLoss(),
            (r.finalValLoss() - predicted[0]) / predicted[0],
            predicted[0] / (Math.log(2) * bpt),
            r.bitsPerByte(),
            r.wallSeconds(),
            note.toString().strip());
    AtomicFile.write(fs, new Path(out, FILE), Json.PRETTY.writeValueAsBytes(p));
    console.printf(
        "prediction: measured val loss %.4f vs predicted %.4f [%.4f, %.4f]: %+.2f%% (%s the interval); "
            + "%.4f vs %.4f bits/byte%s",
        p.measuredLoss(),
        p.predictedLoss(),
        p.low(),
        p.high(),
        100 * p.relativeError(),
        p.insideInterval() ? "inside" : "outside",
        p.measuredBitsPerByte(),
        p.predictedBitsPerByte(),
        fit.unidentifiedExponents().isEmpty()
            ? ""
            : "; the law is not identified by the fitted runs (see the fit's warning), so neither"
                + " the prediction nor its interval is to be trusted");
    return p;
  }

  /**
   * Adds the prediction to fit.json (as "prediction"), so that the fitted law and its check travel
   * together.
   */
  public static void attach(java.nio.file.Path fitJson, Prediction p) throws IOException {
    com.fasterxml.jackson.databind.node.ObjectNode fit =
        (com.fasterxml.jackson.databind.node.ObjectNode) Json.PRETTY.readTree(fitJson.toFile());
    fit.set("prediction", Json.PRETTY.valueToTree(p));
    // fit.json is a local file (the sweep job writes it only for local sweep directories): no
    // Hadoop file system whose cached instance may add a .crc sidecar
    LocalFiles.replace(fitJson, Json.PRETTY.writeValueAsBytes(fit));
  }

  private static long params(GptConfig base, SweepConfig.Shape s) {
    return SweepPlan.model(base, s).nonEmbeddingParams();
  }
}
