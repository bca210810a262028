package org.lmforge.pipeline.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lmforge.config.Records;
import org.lmforge.dataprep.tokenize.ShardManifest;
import org.lmforge.model.gpt.GptConfig;
import org.lmforge.model.train.Optim;
import org.lmforge.pipeline.io.AtomicFile;
import org.lmforge.pipeline.io.Json;
import org.lmforge.pipeline.io.OutputKind;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.job.RecordedSettings;
import org.lmforge.pipeline.job.UserError;
import org.lmforge.pipeline.tokenize.ShardFiles;
import org.lmforge.pipeline.train.PretrainConfig;
import org.lmforge.pipeline.train.PretrainResult;
import org.lmforge.pipeline.train.PretrainRun;

/**
 * Runs a planned sweep, {@code sweep.parallelRuns} pretrain runs at a time (each data-parallel over
 * its share of the task slots), into {@code <output>/runs/<run_id>/}. Resumable: a point whose run
 * is complete (its completion marker) is done and skipped; a point whose directory exists without
 * one continues from its checkpoint. After every run the table of all finished runs is rewritten:
 * {@code runs.csv} (the columns the report reads; {@code loss} repeats final_val_loss so that
 * {@code fit-scaling --input runs.csv} reads it as it is) and {@code runs.parquet}.
 */
public final class SweepRunner {
  public static final List<String> COLUMNS =
      List.of(
          "run_id",
          "n_layer",
          "d_model",
          "n_head",
          "context",
          "params",
          "params_total",
          "tokens",
          "flops",
          "final_val_loss",
          "best_val_loss",
          "bits_per_byte",
          "wall_seconds",
          "tokens_per_second",
          "budget_flops",
          "loss");

  /** The plan and the {@code sweep} block it was made from. */
  public static final String PLAN = OutputKind.SWEEP.marker();

  /**
   * plan.json's key for the pretrain settings every run was made from (its shape and steps aside).
   */
  static final String TEMPLATE = "template";

  /** The directory of a sweep that holds its runs, one directory each. */
  public static final String RUNS = "runs";

  private SweepRunner() {}

  /** What a sweep produced: the points run (or found done) and those the plan left out. */
  public record Result(List<SweepPoint> points, List<String> leftOut, int ranNow, String runsCsv) {}

  public static Result run(
      SparkSession spark, SweepConfig sweep, PretrainConfig template, Progress console)
      throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    ShardManifest manifest = ShardFiles.open(sweep.tokens(), conf).manifest();
    int replicas = replicasPerRun(spark, sweep, template);
    GptConfig base = template.gpt(manifest.vocabSize());
    long tokensPerStep =
        (long) replicas
            * template.optim().batchSize()
            * template.optim().gradAccum()
            * base.contextLength();
    SweepPlan.Planned planned = SweepPlan.plan(sweep, base, tokensPerStep);
    if (planned.points().isEmpty()) {
      throw new UserError(
          "the sweep plan has no runs: "
              + String.join("; ", planned.leftOut())
              + "; widen sweep.minSteps..maxSteps, or change sweep.budgets or sweep.shapes");
    }
    Path out = new Path(sweep.output());
    FileSystem fs = out.getFileSystem(conf);
    requireFinishedRunsMatch(fs, out, sweep, template, planned.points(), replicas, manifest);
    fs.mkdirs(out);
    writeString(
        fs,
        new Path(out, PLAN),
        Json.PRETTY.writeValueAsString(planJson(sweep, template, planned, tokensPerStep)));
    writeProvenance(fs, out, sweep, manifest, conf, console);

    console.printf(
        "sweep %s: %d runs planned (%s), %,d tokens per step, %d at a time x %d replica%s; left out: %d",
        sweep.output(),
        planned.points().size(),
        sweep.plan().name().toLowerCase(Locale.ROOT),
        tokensPerStep,
        sweep.parallelRuns(),
        replicas,
        replicas == 1 ? "" : "s",
        planned.leftOut().size());
    planned.leftOut().forEach(l -> console.line("  left out: " + l));
    List<SweepPoint> todo = new ArrayList<>();
    for (SweepPoint p : planned.points()) {
      if (PretrainRun.isComplete(fs, runDir(out, p.runId()))) {
        console.printf("%s: done earlier, skipped", p.runId());
      } else {
        todo.add(p);
      }
    }
    SweepProgress progress = new SweepProgress(todo, console);
    Object tableLock = new Object();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            sweep.parallelRuns(),
            r -> {
              Thread t = new Thread(r, "sweep-run");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (SweepPoint p : todo) {
        running.add(
            pool.submit(
                () -> {
                  Progress runConsole =
                      sweep.parallelRuns() > 1 ? console.prefixed(p.runId()) : console;
                  progress.started(p, fs.exists(runDir(out, p.runId())));
                  PretrainResult r =
                      trainPoint(
                          spark,
                          sweep,
                          template,
                          p,
                          replicas,
                          runDir(out, p.runId()),
                          fs,
                          runConsole);
                  synchronized (tableLock) {
                    writeTable(spark, fs, out, planned.points(), base.contextLength());
                  }
                  progress.finished(p, r);
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the sweep ran", e);
    } catch (ExecutionException e) {
      pool.shutdownNow();
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) throw io;
      if (cause instanceof RuntimeException re) throw re;
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdown();
    }
    // Each run above rewrote the table with every finished point; write it here only if none ran
    // (e.g. a sweep
    // killed between a run's summary and its table update).
    String csv =
        !todo.isEmpty()
            ? new Path(out, "runs.csv").toString()
            : writeTable(spark, fs, out, planned.points(), base.contextLength());
    return new Result(planned.points(), planned.leftOut(), todo.size(), csv);
  }

  /**
   * Replicas of each run: the template's (or the default parallelism) shared among the parallel
   * runs.
   */
  static int replicasPerRun(SparkSession spark, SweepConfig sweep, PretrainConfig template) {
    int slots =
        template.replicas() > 0
            ? template.replicas()
            : JavaSparkContext.fromSparkContext(spark.sparkContext()).defaultParallelism();
    return Math.max(1, slots / sweep.parallelRuns());
  }

  static Path runDir(Path sweepDir, String runId) {
    return new Path(new Path(sweepDir, RUNS), runId);
  }

  /**
   * Trains (or resumes) one point: the template with the point's shape and length, warmup capped at
   * a tenth of the run, and the sweep's learning-rate rule for the point's width.
   */
  static PretrainResult trainPoint(
      SparkSession spark,
      SweepConfig sweep,
      PretrainConfig template,
      SweepPoint p,
      int replicas,
      Path dir,
      FileSystem fs,
      Progress console)
      throws IOException {
    PretrainConfig run = runConfig(sweep, template, p, replicas, dir, fs.exists(dir));
    return PretrainRun.run(spark, run, console);
  }

  /** The settings of point {@code p}'s run: the template with its shape, steps and scaled lr. */
  static PretrainConfig runConfig(
      SweepConfig sweep,
      PretrainConfig template,
      SweepPoint p,
      int replicas,
      Path dir,
      boolean resume) {
    Optim o = template.optim();
    double lrScale = lrScale(sweep, p.shape());
    return template
        .withModel(SweepPlan.model(template.model(), p.shape()))
        .withOptim(
            Records.with(
                o,
                "maxSteps",
                p.steps(),
                "lr",
                o.lr() * lrScale,
                "minLr",
                o.minLr() * lrScale,
                "warmupSteps",
                Math.min(o.warmupSteps(), Math.max(1, p.steps() / 10))))
        .withReplicas(replicas)
        .withRun(sweep.tokens(), dir.toString(), false, resume);
  }

  /**
   * A run's settings that do not change what it computes: where it reads and writes, and how often
   * it logs, evaluates and checkpoints, and how its replicas synchronise.
   */
  static final List<String> NOT_RESULT_SETTINGS =
      List.of(
          "tokens",
          "output",
          "overwrite",
          "resume",
          "evalInterval",
          "logInterval",
          "checkpointInterval",
          "maxRecoveries",
          "sync",
          "threadsPerReplica");

  /**
   * Every run of the plan already started was trained with the settings it would be trained with
   * now, on the same tokenizer. A sweep's runs are fitted together, so finished runs of other
   * settings (a changed {@code pretrain.optim.lr}, other tokens) were kept beside new ones, or kept
   * alone with the new settings ignored, and an unfinished one resumed with the new optimiser
   * settings half-way; now refused, naming what differs.
   */
  private static void requireFinishedRunsMatch(
      FileSystem fs,
      Path out,
      SweepConfig sweep,
      PretrainConfig template,
      List<SweepPoint> points,
      int replicas,
      ShardManifest manifest)
      throws IOException {
    List<String> differing = new ArrayList<>();
    List<RecordedSettings.Change> first = null;
    Path firstDir = null;
    for (SweepPoint p : points) {
      Path dir = runDir(out, p.runId());
      List<RecordedSettings.Change> changes =
          settingsChanges(fs, dir, runConfig(sweep, template, p, replicas, dir, false), manifest);
      if (changes.isEmpty()) continue;
      differing.add(p.runId());
      if (first == null) {
        first = changes;
        firstDir = dir;
      }
    }
    if (differing.isEmpty()) return;
    String fix =
        "a sweep's runs are fitted together and must share their settings: restore them, or redo"
            + " the sweep with --overwrite (or give another --output)";
    JsonNode replicasWere =
        first.stream()
            .filter(c -> c.key().equals("pretrain.replicas"))
            .map(RecordedSettings.Change::was)
            .findFirst()
            .orElse(null);
    if (template.replicas() == 0 && replicasWere != null && replicasWere.canConvertToInt()) {
      // nobody typed the new count: pretrain.replicas = 0 follows the cluster, and another cluster
      // (a laptop's local[*], then 8 executors) gives another global batch
      fix =
          "pretrain.replicas = 0 takes this cluster's parallelism ("
              + replicas * sweep.parallelRuns()
              + " task slots); pass --conf pretrain.replicas="
              + replicasWere.asInt() * sweep.parallelRuns()
              + " to go on with the batch the runs were trained with, or redo the sweep with"
              + " --overwrite";
    }
    throw UserError.of(
        differing.size()
            + " run"
            + (differing.size() == 1 ? " of the sweep was" : "s of the sweep were")
            + " trained with other settings than these:",
        RecordedSettings.render(first)
            + " ("
            + new Path(firstDir, OutputKind.RUN.marker())
            + ")"
            + (differing.size() > 1
                ? "; also " + String.join(", ", differing.subList(1, differing.size()))
                : ""),
        fix);
  }

  /**
   * What differs between the settings the run in {@code dir} was started with and {@code expected}
   * (the tokenizer included), leaving out {@link #NOT_RESULT_SETTINGS}; empty when they agree or
   * the run has not started.
   */
  static List<RecordedSettings.Change> settingsChanges(
      FileSystem fs, Path dir, PretrainConfig expected, ShardManifest manifest) throws IOException {
    JsonNode run = PretrainRun.recorded(fs, dir);
    if (run == null) return List.of(); // not started: nothing to compare
    List<RecordedSettings.Change> changes =
        new ArrayList<>(
            RecordedSettings.differences(
                "pretrain",
                run.path("config"),
                RecordedSettings.tree(expected),
                NOT_RESULT_SETTINGS));
    RecordedSettings.Change tokenizer = PretrainRun.tokenizerChange(run, manifest);
    if (tokenizer != null) changes.add(tokenizer);
    return changes;
  }

  /**
   * The learning-rate rule of {@link SweepConfig#lrRefWidth()}: min(1, ref / dModel), or 1 when
   * off.
   */
  static double lrScale(SweepConfig sweep, SweepConfig.Shape shape) {
    return sweep.lrRefWidth() > 0 ? Math.min(1.0, sweep.lrRefWidth() / shape.dModel()) : 1.0;
  }

  /** runs.csv and runs.parquet from the summaries of every finished point. */
  private static String writeTable(
      SparkSession spark, FileSystem fs, Path out, List<SweepPoint> points, int context)
      throws IOException {
    StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    List<Row> rows = new ArrayList<>();
    for (SweepPoint p : points) {
      Path summary = new Path(runDir(out, p.runId()), PretrainRun.SUMMARY);
      if (!fs.exists(summary)) continue;
      PretrainResult r;
      try (InputStream in = fs.open(summary)) {
        r = Json.PRETTY.readValue(in, PretrainResult.class);
      }
      Object[] v = {
        p.runId(),
        p.shape().nLayer(),
        p.shape().dModel(),
        p.shape().nHead(),
        context,
        r.params(),
        r.paramsTotal(),
        r.tokens(),
        r.flops(),
        r.finalValLoss(),
        r.bestValLoss(),
        r.bitsPerByte(),
        r.wallSeconds(),
        r.tokensPerSecond(),
        p.budgetFlops(),
        r.finalValLoss()
      };
      rows.add(RowFactory.create(v));
      for (int k = 0; k < v.length; k++) {
        if (k > 0) csv.append(',');
        csv.append(
            v[k] instanceof Double d
                ? String.format(Locale.ROOT, "%.6g", d)
                : String.valueOf(v[k]));
      }
      csv.append('\n');
    }
    Path csvPath = new Path(out, "runs.csv");
    writeString(fs, csvPath, csv.toString());
    StructType schema =
        new StructType()
            .add("run_id", DataTypes.StringType)
            .add("n_layer", DataTypes.IntegerType)
            .add("d_model", DataTypes.IntegerType)
            .add("n_head", DataTypes.IntegerType)
            .add("context", DataTypes.IntegerType)
            .add("params", DataTypes.LongType)
            .add("params_total", DataTypes.LongType)
            .add("tokens", DataTypes.LongType)
            .add("flops", DataTypes.DoubleType)
            .add("final_val_loss", DataTypes.DoubleType)
            .add("best_val_loss", DataTypes.DoubleType)
            .add("bits_per_byte", DataTypes.DoubleType)
            .add("wall_seconds", DataTypes.DoubleType)
            .add("tokens_per_second", DataTypes.DoubleType)
            .add("budget_flops", DataTypes.DoubleType)
            .add("loss", DataTypes.DoubleType);
    spark
        .createDataFrame(rows, schema)
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(new Path(out, "runs.parquet").toString());
    return csvPath.toString();
  }

  /**
   * provenance/clean-stats.json (the clean job's statistics) and provenance/tokenizer.json, for the
   * report.
   */
  private static void writeProvenance(
      FileSystem fs,
      Path out,
      SweepConfig sweep,
      ShardManifest m,
      Configuration conf,
      Progress console)
      throws IOException {
    Path dir = new Path(out, "provenance");
    fs.mkdirs(dir);
    ObjectNode tok = Json.PRETTY.createObjectNode();
    tok.put("name", m.tokenizerId());
    tok.put("vocab_size", m.vocabSize());
    tok.put("bytes_per_token", m.split("train").bytesPerToken());
    tok.put("validation_bytes_per_token", m.split("validation").bytesPerToken());
    tok.put("train_tokens", m.split("train").tokens());
    tok.put("validation_tokens", m.split("validation").tokens());
    tok.put("tokens", sweep.tokens());
    writeString(fs, new Path(dir, "tokenizer.json"), Json.PRETTY.writeValueAsString(tok));
    if (sweep.cleanStats() == null || sweep.cleanStats().isBlank()) return;
    Path stats = new Path(sweep.cleanStats());
    FileSystem sfs = stats.getFileSystem(conf);
    if (!sfs.exists(stats)) {
      console.printf(
          "note: %s not found, the report will show no corpus statistics (set sweep.cleanStats)",
          stats);
      return;
    }
    try (InputStream in = sfs.open(stats)) {
      JsonNode parsed = Json.PRETTY.readTree(in);
      writeString(fs, new Path(dir, "clean-stats.json"), Json.PRETTY.writeValueAsString(parsed));
    }
  }

  private static ObjectNode planJson(
      SweepConfig sweep, PretrainConfig template, SweepPlan.Planned planned, long tokensPerStep) {
    ObjectNode n = Json.PRETTY.createObjectNode();
    n.set("config", Json.PRETTY.valueToTree(sweep));
    n.set(TEMPLATE, Json.PRETTY.valueToTree(template)); // SweepJob.complete compares it
    n.put("tokens_per_step", tokensPerStep);
    ArrayNode pts = n.putArray("points");
    planned.points().forEach(p -> pts.add(Json.PRETTY.valueToTree(p)));
    ArrayNode left = n.putArray("left_out");
    planned.leftOut().forEach(left::add);
    return n;
  }

  private static void writeString(FileSystem fs, Path p, String s) throws IOException {
    AtomicFile.write(fs, p, s.getBytes(StandardCharsets.UTF_8));
  }
}
