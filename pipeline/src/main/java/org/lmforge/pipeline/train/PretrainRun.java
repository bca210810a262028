package org.lmforge.pipeline.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.lmforge.dataprep.tokenize.ShardManifest;
import org.lmforge.model.checkpoint.Checkpoint;
import org.lmforge.model.eval.EvalResult;
import org.lmforge.model.gpt.GptConfig;
import org.lmforge.model.train.MetricsLog;
import org.lmforge.model.train.Optim;
import org.lmforge.model.train.StepTimes;
import org.lmforge.model.train.TrainConfig;
import org.lmforge.model.train.TrainLoop;
import org.lmforge.model.train.Trainer;
import org.lmforge.pipeline.cluster.DeviceBinder;
import org.lmforge.pipeline.cluster.GpuSlots;
import org.lmforge.pipeline.cluster.Nd4jInfo;
import org.lmforge.pipeline.io.AtomicFile;
import org.lmforge.pipeline.io.AtomicOutput;
import org.lmforge.pipeline.io.HadoopConf;
import org.lmforge.pipeline.io.Json;
import org.lmforge.pipeline.io.OutputKind;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.job.RecordedSettings;
import org.lmforge.pipeline.job.UserError;
import org.lmforge.pipeline.tokenize.ShardFiles;

/**
 * One pretraining run on Spark: checks its inputs, then runs {@link TrainLoop} (evaluate /
 * data-parallel step / log / checkpoint until {@code optim.maxSteps}, the loop a local trainer runs
 * too) on a {@link DriverRun}. Output directory (any Hadoop URI), written in place so that it can
 * resume ({@link AtomicOutput#inPlace}): {@code run.json} (configuration and corpus), {@code
 * metrics.jsonl}, {@code checkpoints/last.ckpt}, {@code summary.json}, and the completion marker
 * last.
 *
 * <p>Failures: a task lost with its executor is re-run by Spark (a step is a pure function of the
 * weights and its first row). A step that fails anyway (Spark gave up on it) restarts from the last
 * checkpoint, up to {@code maxRecoveries} times; a killed driver continues with {@code resume =
 * true}.
 */
public final class PretrainRun {
  public static final String CHECKPOINT = "last.ckpt";
  public static final String SUMMARY = "summary.json";

  private PretrainRun() {}

  public static PretrainResult run(SparkSession spark, PretrainConfig cfg, Progress console)
      throws IOException {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = spark.sparkContext().hadoopConfiguration();

    // ---- inputs, checked before anything trains
    ShardFiles shards = ShardFiles.open(cfg.tokens(), conf);
    ShardManifest manifest = shards.manifest();
    checkShards(shards, conf);
    // GPU executors: settings, backend, master and slots, before the output is touched
    DeviceBinder binder = DeviceBinder.configured();
    GpuSlots gpus =
        GpuSlots.requested(jsc.getConf()) ? GpuSlots.check(jsc.sc(), cfg.replicas(), binder) : null;
    int replicas =
        cfg.replicas() > 0
            ? cfg.replicas()
            : gpus != null ? gpus.slots() : jsc.defaultParallelism();
    TrainConfig tc = cfg.trainConfig(manifest.vocabSize());
    GptConfig model = tc.model();
    long trainTokens = manifest.split("train").tokens();
    if (trainTokens < model.contextLength() + 1L) {
      throw new UserError(
          cfg.tokens()
              + ": the train split has "
              + trainTokens
              + " tokens, fewer than "
              + "contextLength+1 = "
              + (model.contextLength() + 1)
              + "; tokenize more text or lower "
              + "pretrain.model.contextLength");
    }
    try (ShardWindowStream val = ShardWindowStream.open(cfg.tokens(), "validation", conf)) {
      if (val.size() < model.contextLength() + 1L) {
        throw new UserError(
            cfg.tokens()
                + ": the validation split has "
                + val.size()
                + " tokens, fewer "
                + "than contextLength+1 = "
                + (model.contextLength() + 1)
                + "; raise tokenize.validationFraction");
      }

      if (jsc.sc().isLocal()) { // every replica in this JVM; executors elsewhere are not seen here
        new StepMemory(model, tc.optim().batchSize(), replicas, cfg.dtype().nd4j().width())
            .check(StepMemory.physicalBytes());
      }

      // ---- output: new, overwritten, or resumed
      Path out = new Path(cfg.output());
      FileSystem fs = out.getFileSystem(conf);
      boolean exists = fs.exists(out);
      if (exists && !cfg.resume() && !cfg.overwrite()) {
        throw new UserError(
            cfg.output()
                + " already holds a run: pass --resume to continue it or "
                + "--overwrite to start over");
      }
      if (!exists && cfg.resume()) {
        throw new UserError(
            "--resume: "
                + cfg.output()
                + " does not exist; run without --resume to "
                + "start a new run there");
      }
      if (cfg.resume()) {
        JsonNode recorded = recorded(fs, out);
        requireSameRun(recorded, out, tc.model(), manifest);
        noteBatchChange(recorded, cfg, replicas, (long) replicas * tc.tokensPerStep(), console);
      }
      PretrainResult finished =
          cfg.resume() ? finishedEarlier(fs, out, tc.optim().maxSteps(), console) : null;
      if (finished != null) return finished;
      try (AtomicOutput output = AtomicOutput.inPlace(cfg.output(), !cfg.resume(), conf)) {
        HadoopCheckpointStore store = new HadoopCheckpointStore(child(out, "checkpoints"), conf);
        boolean fromCheckpoint = cfg.resume() && store.exists(CHECKPOINT);
        DriverTrainer driver = new DriverTrainer(tc, val, store, console);
        Trainer master = driver.restore(cfg.resume());
        long resumedFrom = fromCheckpoint ? master.step() : -1;
        writeJson(fs, new Path(out, OutputKind.RUN.marker()), runJson(cfg, tc, replicas, manifest));
        MetricsLog log =
            MetricsLog.open(new HadoopMetricsFile(child(out, "metrics.jsonl"), conf), resumedFrom);

        // ---- the loop
        String runKey = cfg.output() + "#" + UUID.randomUUID();
        Optim optim = tc.optim();
        ReplicaSpec spec =
            new ReplicaSpec(
                runKey,
                cfg.tokens(),
                new HadoopConf(conf),
                model,
                optim.seed(),
                optim.sampling(),
                optim.batchSize(),
                optim.gradAccum(),
                replicas,
                cfg.threadsPerReplica(),
                cfg.dtype().nd4j(),
                gpus == null ? null : binder);
        long batchTokens = spec.rowsPerStep() * model.contextLength();
        int maxSteps = optim.maxSteps();
        console.printf(
            "pretrain %s: %s, %,d parameters (%,d non-embedding), %.3g FLOPs/token",
            cfg.output(),
            model,
            model.parameterCount(),
            model.nonEmbeddingParams(),
            model.flopsPerToken());
        console.printf(
            "data-parallel (%s): %d replica%s x %d sequences x %d micro-batches x %d tokens = %,d tokens per step; "
                + "gradients all-reduced once per optimiser step (%.1f MB of weights out, %.1f MB of gradients back per "
                + "replica); %d steps%s",
            engineName(cfg.sync(), jsc),
            replicas,
            replicas == 1 ? "" : "s",
            optim.batchSize(),
            optim.gradAccum(),
            model.contextLength(),
            batchTokens,
            4e-6 * model.parameterCount(),
            4e-6 * model.parameterCount(),
            maxSteps,
            resumedFrom >= 0 ? ", resumed at step " + resumedFrom : "");
        console.line(devices(gpus, replicas, cfg.dtype()));

        long t0 = System.nanoTime();
        TrainLoop.Outcome o;
        DriverRun run;
        try (StepEngine dp = engine(cfg.sync(), jsc, spec)) {
          run = new DriverRun(master, dp, driver, cfg.maxRecoveries());
          o = new TrainLoop(tc, batchTokens, log, console::line).run(run);
        }
        master = run.master;
        EvalResult last = o.last();
        StepTimes times = o.times();

        long tokens = master.step() * batchTokens;
        double n = model.nonEmbeddingParams();
        PretrainResult result =
            new PretrainResult(
                cfg.output(),
                master.step(),
                replicas,
                batchTokens,
                (long) n,
                model.parameterCount(),
                tokens,
                6 * n * tokens,
                last.loss(),
                o.bestValLoss(),
                last.perplexity(),
                last.bitsPerByte(),
                (System.nanoTime() - t0) / 1e9,
                times.tokensPerSecond(batchTokens),
                times.meanComputeSeconds(),
                times.meanSyncSeconds(),
                times.meanUpdateSeconds(),
                run.recoveries,
                resumedFrom);
        writeJson(fs, new Path(out, SUMMARY), Json.PRETTY.valueToTree(result));
        output.commit();
        console.printf(
            "done: val loss %.4f (best %.4f), %.4f bits/byte, %,d tokens, %,.0f tok/s; %s",
            last.loss(),
            o.bestValLoss(),
            last.bitsPerByte(),
            tokens,
            result.tokensPerSecond(),
            new Path(out, SUMMARY));
        return result;
      }
    }
  }

  /** True when the run directory {@code dir} holds a finished run (its completion marker). */
  public static boolean isComplete(FileSystem fs, Path dir) throws IOException {
    return AtomicOutput.isComplete(fs, dir);
  }

  /**
   * A resumed run keeps its model and its tokens: settings that give another model or tokenizer
   * than {@code run.json} records are refused (a finished run was reported as "kept" with them
   * silently ignored; an unfinished one was refused by its checkpoint, but not for other tokens of
   * the same vocabulary size). The optimiser's settings and dropout may change: a longer schedule,
   * another learning rate.
   */
  private static void requireSameRun(
      JsonNode run, Path out, GptConfig model, ShardManifest manifest) {
    if (run == null) return; // killed before it wrote one: nothing to compare with
    List<RecordedSettings.Change> differ = new ArrayList<>();
    JsonNode had = run.path("model");
    JsonNode now = Json.PRETTY.valueToTree(model);
    now.fieldNames()
        .forEachRemaining(
            k -> {
              // the architecture, as the checkpoint checks it (dropout may change on a resume)
              if (Checkpoint.isArchitecture(k) && had.has(k) && !had.get(k).equals(now.get(k))) {
                differ.add(new RecordedSettings.Change("model." + k, had.get(k), now.get(k)));
              }
            });
    RecordedSettings.Change tokenizer = tokenizerChange(run, manifest);
    if (tokenizer != null) differ.add(tokenizer);
    if (differ.isEmpty()) return;
    throw UserError.of(
        "--resume: the run in " + out + " has another model or tokenizer than these settings:",
        RecordedSettings.render(differ) + " (" + new Path(out, OutputKind.RUN.marker()) + ")",
        "resume it with its own settings (drop the changed pretrain.model keys, pass the tokens it"
            + " was trained on), or start over with --overwrite or another --output");
  }

  /**
   * Says so when a resumed run goes on with another global batch than it was trained with: allowed
   * (a run may move to a larger cluster), but its loss curve bends there, and under {@code
   * pretrain.replicas = 0} nobody typed the new count.
   */
  private static void noteBatchChange(
      JsonNode run, PretrainConfig cfg, int replicas, long tokensPerStep, Progress console) {
    if (run == null || !run.path("tokens_per_step").canConvertToLong()) return;
    long was = run.path("tokens_per_step").asLong();
    if (was == tokensPerStep) return;
    int wasReplicas = run.path("replicas").asInt();
    console.printf(
        "note: the run was trained with %d replica%s, %,d tokens per step; it goes on with %d, %,d"
            + " tokens per step%s",
        wasReplicas,
        wasReplicas == 1 ? "" : "s",
        was,
        replicas,
        tokensPerStep,
        cfg.replicas() == 0 && wasReplicas > 0 && wasReplicas != replicas
            ? " (pretrain.replicas = 0 takes this cluster's parallelism; --conf pretrain.replicas="
                + wasReplicas
                + " keeps the batch it was trained with)"
            : "");
  }

  /** What {@code run.json} in {@code dir} records; null when the run has not started. */
  public static JsonNode recorded(FileSystem fs, Path dir) throws IOException {
    Path runJson = new Path(dir, OutputKind.RUN.marker());
    if (!fs.isFile(runJson)) return null;
    try (java.io.InputStream in = fs.open(runJson)) {
      return Json.PRETTY.readTree(in);
    }
  }

  /**
   * The tokenizer the recorded {@code run} was trained with and the one of these shards, when they
   * differ (a run recorded before the tokenizer was, differs in nothing); null otherwise.
   */
  public static RecordedSettings.Change tokenizerChange(JsonNode run, ShardManifest manifest) {
    JsonNode had = run.path("tokenizer");
    String now = manifest.tokenizerId();
    if (had.asText("").isEmpty() || had.asText().equals(now)) return null;
    return new RecordedSettings.Change("tokenizer", had, TextNode.valueOf(now));
  }

  /**
   * The summary of a run that already reached {@code maxSteps}, when asked to resume it; null
   * otherwise. Resuming a finished run changes nothing (training again from its last checkpoint
   * would only re-evaluate it and lose its throughput figures); a run directory written before the
   * completion marker existed gets it here.
   */
  private static PretrainResult finishedEarlier(
      FileSystem fs, Path out, int maxSteps, Progress console) throws IOException {
    Path summary = new Path(out, SUMMARY);
    if (!fs.exists(summary)) return null;
    PretrainResult r;
    try (java.io.InputStream in = fs.open(summary)) {
      r = Json.PRETTY.readValue(in, PretrainResult.class);
    }
    if (r.steps() < maxSteps) return null; // resumed with a longer schedule: train on
    if (!isComplete(fs, out))
      AtomicFile.write(fs, new Path(out, AtomicOutput.COMPLETE_MARKER), new byte[0]);
    console.printf(
        "%s: finished earlier at step %d (val loss %.4f), kept", out, r.steps(), r.finalValLoss());
    return r;
  }

  /**
   * In-process replicas when every task would run in the driver JVM anyway (a local master): the
   * same arithmetic without a Spark job per step. A cluster always gets Spark steps.
   */
  static StepEngine engine(PretrainConfig.Sync sync, JavaSparkContext jsc, ReplicaSpec spec) {
    return "in-process".equals(engineName(sync, jsc))
        ? new InProcessStep(spec)
        : new SparkStep(jsc, spec);
  }

  private static String engineName(PretrainConfig.Sync sync, JavaSparkContext jsc) {
    boolean local = jsc.sc().isLocal();
    if (sync == PretrainConfig.Sync.IN_PROCESS && !local) {
      throw new UserError(
          "pretrain.sync = in_process needs a local master (local[*]); the master is "
              + jsc.sc().master()
              + ": use pretrain.sync = auto or spark");
    }
    return sync == PretrainConfig.Sync.SPARK || !local ? "spark" : "in-process";
  }

  /** Where replicas compute, for the start line. */
  private static String devices(GpuSlots gpus, int replicas, PretrainConfig.Dtype dtype) {
    String precision =
        dtype == PretrainConfig.Dtype.HALF
            ? "; precision half: replicas compute in fp16, the driver keeps fp32 weights, AdamW state and gradient sums"
            : "";
    if (gpus == null) {
      String backend;
      try {
        backend = Nd4jInfo.backend();
      } catch (RuntimeException | LinkageError e) {
        backend = "unknown (" + e + ")";
      }
      String slow =
          dtype == PretrainConfig.Dtype.HALF && backend.equals("CPU")
              ? " (on the CPU backend fp16 runs about 8x slower than float, having no fp16 matrix multiply: half is meant "
                  + "for CUDA executors)"
              : "";
      return "devices: no GPUs requested; replicas run on executor CPUs (driver: ND4J "
          + backend
          + " backend)"
          + precision
          + slow;
    }
    return "devices: one GPU per replica, "
        + replicas
        + (replicas == 1 ? " replica on " : " replicas on ")
        + gpus.describe()
        + precision;
  }

  /**
   * Every shard the manifest lists is there (a replica would otherwise fail mid-run on its first
   * read).
   */
  private static void checkShards(ShardFiles shards, Configuration conf) throws IOException {
    FileSystem fs = shards.root().getFileSystem(conf);
    for (String split : new String[] {"train", "validation"}) {
      for (Path p : shards.shards(split)) {
        if (!fs.exists(p)) {
          throw new UserError(
              p
                  + " is listed in "
                  + new Path(shards.root(), ShardFiles.MANIFEST)
                  + " but missing: the token output is incomplete; re-run the tokenize job with --overwrite");
        }
      }
    }
    try {
      shards.tokenizer(); // the tokenizer beside the shards is the one the manifest names
    } catch (IllegalArgumentException e) {
      throw new UserError(
          e.getMessage()
              + "; the token output mixes two tokenize runs: re-run the tokenize job "
              + "with --overwrite",
          e);
    }
  }

  private static ObjectNode runJson(
      PretrainConfig cfg, TrainConfig tc, int replicas, ShardManifest m) {
    ObjectNode n = Json.PRETTY.createObjectNode();
    n.set("config", Json.PRETTY.valueToTree(cfg));
    n.set("model", Json.PRETTY.valueToTree(tc.model()));
    n.put("replicas", replicas);
    n.put("tokens_per_step", (long) replicas * tc.tokensPerStep());
    n.put("tokenizer", m.tokenizerId());
    n.put("vocab_size", m.vocabSize());
    n.put("train_tokens", m.split("train").tokens());
    n.put("validation_tokens", m.split("validation").tokens());
    n.put("validation_bytes_per_token", m.split("validation").bytesPerToken());
    return n;
  }

  private static void writeJson(FileSystem fs, Path p, Object tree) throws IOException {
    AtomicFile.write(fs, p, Json.PRETTY.writeValueAsBytes(tree));
  }

  private static String child(Path dir, String name) {
    return new Path(dir, name).toString();
  }
}
