package org.lmforge.pipeline.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.scheduler.JobFailed;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lmforge.config.Records;
import org.lmforge.model.checkpoint.Checkpoint;
import org.lmforge.model.gpt.GptConfig;
import org.lmforge.model.train.BatchSampler;
import org.lmforge.model.train.Optim;
import org.lmforge.model.train.TrainConfig;
import org.lmforge.model.train.Trainer;
import org.lmforge.pipeline.io.OutputKind;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.job.UserError;
import org.lmforge.pipeline.tokenize.ShardFiles;
import org.lmforge.pipeline.tokenize.TokenizeResult;

/**
 * The pretrain job on a real local[2] session over real token shards (Europarl through the tokenize
 * job).
 */
class PretrainRunTest {
  @RegisterExtension
  static final SparkWithTokens DATA = new SparkWithTokens("pretrain-run-test", 150);

  @TempDir static Path tmp;
  static final Progress QUIET = Progress.quiet();

  static Configuration hadoop() {
    return DATA.session().sparkContext().hadoopConfiguration();
  }

  static PretrainConfig config(String out, int replicas, int batch, int steps) {
    return Records.with(
        TinyPretrain.config(DATA.tokens(), out),
        "optim",
        Records.with(TinyPretrain.OPTIM, "batchSize", batch, "maxSteps", steps),
        "replicas",
        replicas,
        "evalTokens",
        1024,
        "checkpointInterval",
        2,
        "maxRecoveries",
        3);
  }

  static String out(String name) {
    return tmp.resolve(name).toUri().toString();
  }

  @Test
  void positionedReadsOfTheShardsGiveTheTokensOfTheWholeSplit() throws Exception {
    var conf = hadoop();
    ShardFiles files = ShardFiles.open(DATA.tokens(), conf);
    int[] whole =
        files.readSplit("train", files.tokenizer()); // every shard read start to end, concatenated
    assertTrue(
        files.shards("train").size() >= 2, "the split spans shards, so windows cross boundaries");
    try (ShardWindowStream windows = ShardWindowStream.open(DATA.tokens(), "train", conf)) {
      assertEquals(whole.length, windows.size());
      assertEquals(files.manifest().vocabSize(), windows.vocabSize());
      assertEquals(files.manifest().split("train").bytesPerToken(), windows.bytesPerToken(), 1e-12);
      int[] b = new int[97];
      for (int pos = 0; pos + b.length <= whole.length; pos += 31) {
        windows.read(pos, b, 0, b.length);
        assertArrayEquals(Arrays.copyOfRange(whole, pos, pos + b.length), b, "window at " + pos);
      }
    }
  }

  /**
   * The trainer reads the shards as the tokenize job counted them, and checkpoints through Hadoop's
   * FileSystem: a run resumed from its step-2 checkpoint takes steps 3 and 4 bit for bit.
   */
  @Test
  void trainerReadsShardsAndResumesFromAHadoopCheckpoint() throws Exception {
    String tokens = DATA.tokens();
    TokenizeResult r = DATA.result();
    var conf = hadoop();
    ShardWindowStream train = ShardWindowStream.open(tokens, "train", conf);
    ShardWindowStream val = ShardWindowStream.open(tokens, "validation", conf);
    assertEquals(r.train().tokens(), train.size());
    assertEquals(r.validation().tokens(), val.size());
    assertEquals(
        (double) r.validation().utf8Bytes() / r.validation().tokens(), val.bytesPerToken(), 1e-12);
    assertEquals(r.vocabSize(), train.vocabSize());

    GptConfig model =
        new GptConfig(train.vocabSize(), 16, 1, 2, 16, 0.0, GptConfig.Positional.LEARNED, false);
    TrainConfig tc =
        new TrainConfig(
            model,
            new Optim(4, 1, 4, 3e-3, 3e-4, 1, 0.9, 0.99, 0.1, 1.0, 7, BatchSampler.Mode.RANDOM),
            new TrainConfig.Cadence(0, 256, 1000, 0));
    String ckptDir = tmp.resolve("trainer-ckpt").toUri().toString();
    HadoopCheckpointStore store = new HadoopCheckpointStore(ckptDir, conf);
    Trainer straight = new Trainer(tc, train, val, null, null);
    double[] expected = new double[4];
    for (int s = 0; s < 4; s++) {
      expected[s] = straight.trainStep()[0];
    }
    Trainer first = new Trainer(tc, train, val, store, "step.ckpt");
    first.trainStep();
    first.trainStep();
    first.saveCheckpoint();
    Trainer resumed = new Trainer(tc, train, val, store, "step.ckpt");
    resumed.resumeFrom(Checkpoint.read(store, "step.ckpt"), "step.ckpt");
    assertEquals(2, resumed.step());
    assertEquals(expected[2], resumed.trainStep()[0], 0.0);
    assertEquals(expected[3], resumed.trainStep()[0], 0.0);
    try (var files = Files.list(tmp.resolve("trainer-ckpt"))) {
      List<String> names =
          files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")).toList();
      assertEquals(List.of("step.ckpt"), names, "only the renamed checkpoint, no temporary file");
    }
    assertTrue(resumed.evaluate().bitsPerByte() > 0);
  }

  /**
   * Both engines: a Spark job per step, and replicas on driver threads (what local[*] uses by
   * default).
   */
  @ParameterizedTest
  @EnumSource(
      value = PretrainConfig.Sync.class,
      names = {"SPARK", "IN_PROCESS"})
  void twoReplicasOfBatchBTakeTheStepsOfOneProcessWithBatch2B(PretrainConfig.Sync sync)
      throws Exception {
    String dir = "dp2-" + sync;
    PretrainResult r =
        PretrainRun.run(DATA.session(), config(out(dir), 2, 2, 4).withSync(sync), QUIET);
    assertEquals(2, r.replicas());
    assertEquals(4L * 16, r.effectiveBatchTokens());

    ShardWindowStream train = ShardWindowStream.open(DATA.tokens(), "train", hadoop());
    ShardWindowStream val = ShardWindowStream.open(DATA.tokens(), "validation", hadoop());
    Trainer single =
        new Trainer(
            config(out("unused"), 1, 4, 4).trainConfig(train.vocabSize()), train, val, null, null);
    List<Double> expected = new ArrayList<>();
    for (int s = 0; s < 4; s++) {
      expected.add(single.trainStep()[0]);
    }
    List<Double> losses = new ArrayList<>();
    for (JsonNode n : metrics(dir)) {
      if (n.path("kind").asText().equals("train")) losses.add(n.path("loss").asDouble());
    }
    assertEquals(4, losses.size());
    for (int s = 0; s < 4; s++) {
      assertEquals(expected.get(s), losses.get(s), 1e-5, "loss of step " + (s + 1));
    }
    Checkpoint ck =
        Checkpoint.read(
            new HadoopCheckpointStore(out(dir) + "/checkpoints", hadoop()), PretrainRun.CHECKPOINT);
    assertEquals(4, ck.step());
    assertEquals(16L * 4 * ck.step() / 16, ck.dataRow());
    double maxDiff = ck.params().sub(single.model().params()).amaxNumber().doubleValue();
    assertTrue(maxDiff < 1e-5, "weights after 4 steps differ by " + maxDiff);
    assertEquals(single.evaluate().loss(), r.finalValLoss(), 1e-5);
    assertTrue(Files.exists(tmp.resolve(dir + "/summary.json")));
  }

  @Test
  void withGradientAccumulationEachReplicaTakesItsStridedShareOfEveryMicroBatch() throws Exception {
    PretrainConfig twoByTwo = config(out("dp2-accum"), 2, 2, 3);
    twoByTwo = twoByTwo.withOptim(twoByTwo.optim().withBatch(twoByTwo.optim().batchSize(), 2));
    PretrainRun.run(DATA.session(), twoByTwo, QUIET);

    ShardWindowStream train = ShardWindowStream.open(DATA.tokens(), "train", hadoop());
    Trainer single =
        new Trainer(
            config(out("unused"), 1, 4, 3).trainConfig(train.vocabSize()).withBatch(4, 2),
            train,
            null,
            null,
            null);
    List<Double> losses = new ArrayList<>();
    for (JsonNode n : metrics("dp2-accum")) {
      if (n.path("kind").asText().equals("train")) losses.add(n.path("loss").asDouble());
    }
    assertEquals(3, losses.size());
    for (int s = 0; s < 3; s++) {
      assertEquals(single.trainStep()[0], losses.get(s), 1e-5, "loss of step " + (s + 1));
    }
  }

  @Test
  void aFailedStepRestartsFromTheCheckpointAndAKilledDriverResumes() throws Exception {
    PretrainResult reference = PretrainRun.run(DATA.session(), config(out("ref"), 2, 2, 24), QUIET);
    assertTrue(
        reference.finalValLoss() < Math.log(320), "the model learned: " + reference.finalValLoss());

    // Spark gives up on a step job (here: cancelled, as after repeated task failures): recovery
    // from last.ckpt.
    PretrainResult recovered =
        runWhileFailingOneStep(
            config(out("recovered"), 2, 2, 24).withSync(PretrainConfig.Sync.SPARK));
    assertTrue(recovered.recoveries() >= 1);
    assertEquals(reference.finalValLoss(), recovered.finalValLoss(), 1e-5);

    // No recoveries allowed: the run stops (a dead driver); --resume continues from the checkpoint.
    PretrainConfig strict =
        Records.with(
            config(out("resumed"), 2, 2, 24),
            "maxRecoveries",
            0,
            "sync",
            PretrainConfig.Sync.SPARK);
    PretrainConfig finalStrict = strict;
    IllegalStateException dead =
        assertThrows(IllegalStateException.class, () -> runWhileFailingOneStep(finalStrict));
    assertTrue(dead.getMessage().contains("--resume"), dead.getMessage());
    PretrainResult resumed =
        PretrainRun.run(
            DATA.session(), strict.withRun(DATA.tokens(), strict.output(), false, true), QUIET);
    assertTrue(resumed.resumedFromStep() >= 2, "resumed at " + resumed.resumedFromStep());
    assertEquals(reference.finalValLoss(), resumed.finalValLoss(), 1e-5);
    List<Long> steps = new ArrayList<>();
    for (JsonNode n : metrics("resumed")) {
      if (n.path("kind").asText().equals("train")) steps.add(n.path("step").asLong());
    }
    assertEquals(
        24, steps.size(), "each step logged once across the kill and the resume: " + steps);
  }

  /**
   * Runs cfg, cancelling a running step job once the first checkpoint exists, until one job has
   * failed.
   */
  private PretrainResult runWhileFailingOneStep(PretrainConfig cfg) throws Exception {
    AtomicInteger failedJobs = new AtomicInteger();
    SparkListener listener =
        new SparkListener() {
          @Override
          public void onJobEnd(SparkListenerJobEnd end) {
            if (end.jobResult() instanceof JobFailed) failedJobs.incrementAndGet();
          }
        };
    DATA.session().sparkContext().addSparkListener(listener);
    Path ckpt =
        Path.of(java.net.URI.create(cfg.output()))
            .resolve("checkpoints")
            .resolve(PretrainRun.CHECKPOINT);
    Thread saboteur =
        new Thread(
            () -> {
              try {
                while (!Files.exists(ckpt)) Thread.sleep(5);
                // Cancel one running step job at a time, then give the listener time to report it,
                // so that one
                // failure (not a burst of them) is what the run has to survive.
                while (failedJobs.get() == 0) {
                  int[] active = DATA.session().sparkContext().statusTracker().getActiveJobIds();
                  if (active.length > 0) {
                    DATA.session().sparkContext().cancelJob(active[0]);
                    Thread.sleep(100);
                  } else {
                    Thread.sleep(1);
                  }
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    saboteur.start();
    try {
      return PretrainRun.run(DATA.session(), cfg, QUIET);
    } finally {
      saboteur.interrupt();
      saboteur.join();
      DATA.session().sparkContext().removeSparkListener(listener);
    }
  }

  @Test
  void badInputFailsBeforeTraining() throws Exception {
    String noShards =
        refusal(
            FileNotFoundException.class,
            config(out("x"), 2, 2, 2).withRun(out("no-such-tokens"), out("x"), false, false));
    assertTrue(noShards.contains("manifest.json"), noShards);

    PretrainRun.run(DATA.session(), config(out("small"), 1, 2, 2), QUIET);
    String exists = refusal(UserError.class, config(out("small"), 1, 2, 2));
    assertTrue(exists.contains("--resume") && exists.contains("--overwrite"), exists);

    PretrainConfig wider =
        config(out("small"), 1, 2, 4)
            .withModel(Records.with(TinyPretrain.MODEL, "dModel", 32))
            .withRun(DATA.tokens(), out("small"), false, true);
    String other = refusal(UserError.class, wider);
    assertTrue(other.contains("model.dModel 16 -> 32"), other);
    // a finished run too: it was reported as kept, the other model silently ignored
    String finished =
        refusal(UserError.class, wider.withOptim(config(out("small"), 1, 2, 2).optim()));
    assertTrue(finished.contains("model.dModel 16 -> 32"), finished);

    // the same model on other tokens of the same vocabulary size: run.json as if trained on them
    Path runJson = tmp.resolve("small").resolve(OutputKind.RUN.marker());
    ObjectNode recorded = (ObjectNode) new ObjectMapper().readTree(runJson.toFile());
    String tokenizer = recorded.get("tokenizer").asText();
    recorded.put("tokenizer", "bpe-other-0123");
    Files.writeString(runJson, recorded.toString());
    Files.deleteIfExists(runJson.resolveSibling("." + runJson.getFileName() + ".crc"));
    String otherTokens =
        refusal(
            UserError.class,
            config(out("small"), 1, 2, 2).withRun(DATA.tokens(), out("small"), false, true));
    assertTrue(
        otherTokens.contains("tokenizer \"bpe-other-0123\" -> \"" + tokenizer + "\""), otherTokens);

    String noRun =
        refusal(
            UserError.class,
            config(out("never"), 1, 2, 2).withRun(DATA.tokens(), out("never"), false, true));
    assertTrue(noRun.contains("does not exist"), noRun);
  }

  @Test
  void aRunResumedOnMoreReplicasSaysItsBatchChanges() throws Exception {
    List<String> first = new ArrayList<>();
    PretrainRun.run(DATA.session(), config(out("elastic"), 1, 2, 2), first::add);
    assertTrue(
        String.join("\n", first).contains("): 1 replica x 2 sequences x "), first.toString());
    List<String> lines = new ArrayList<>();
    // pretrain.replicas = 0: this local[2] session's two slots, where the run had one
    PretrainConfig followsTheCluster =
        config(out("elastic"), 0, 2, 4).withRun(DATA.tokens(), out("elastic"), false, true);
    PretrainResult r = PretrainRun.run(DATA.session(), followsTheCluster, lines::add);
    assertEquals(4, r.steps());
    String note = String.join("\n", lines);
    assertTrue(note.contains("): 2 replicas x 2 sequences x "), note);
    int context = TinyPretrain.MODEL.contextLength();
    assertTrue(
        note.contains(
            "the run was trained with 1 replica, "
                + 2 * context
                + " tokens per step; it goes on with 2, "
                + 4 * context
                + " tokens per step (pretrain.replicas = 0 takes this cluster's parallelism;"
                + " --conf pretrain.replicas=1 keeps"),
        note);
  }

  /**
   * A batch no machine holds is refused before the run directory is made (65,536 sequences ran on
   * the demo machine until the kernel killed the JVM).
   */
  @Test
  void aBatchNoMachineHoldsIsRefusedBeforeTheRunStarts() {
    // without the check this batch trains for hours: bounded, so that the test fails instead
    String e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () -> refusal(UserError.class, config(out("huge-batch"), 1, 1 << 24, 1)));
    assertTrue(
        e.contains("pretrain.optim.batchSize = 16777216 sequences x ")
            && e.contains(" on 1 replica hold at least ")
            && e.contains("raise pretrain.optim.gradAccum"),
        e);
    assertFalse(Files.exists(tmp.resolve("huge-batch")), "no run directory");
  }

  /** The message of the {@code type} exception the run of {@code cfg} stops with. */
  private static String refusal(Class<? extends Exception> type, PretrainConfig cfg) {
    return assertThrows(type, () -> PretrainRun.run(DATA.session(), cfg, QUIET)).getMessage();
  }

  private static List<JsonNode> metrics(String run) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> out = new ArrayList<>();
    for (String l : Files.readAllLines(tmp.resolve(run).resolve("metrics.jsonl")))
      out.add(json.readTree(l));
    return out;
  }
}
