package org.lmforge.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.model.gpt.GptConfig;
import org.nd4j.linalg.api.ndarray.INDArray;

class TrainerTest {
  // small enough that a step is a few ms: what is tested is the trainer's bookkeeping, not model
  // capacity
  static final GptConfig TINY = GptConfig.of(20, 8, 1, 2, 16, 0);

  static IntArrayTokenStream randomTokens(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] t = new int[n];
    for (int i = 0; i < n; i++) t[i] = r.nextInt(20);
    return new IntArrayTokenStream(t, 20, 1.0);
  }

  static TrainConfig cfg(int steps, double lr) {
    return new TrainConfig(
        TINY,
        new Optim(4, 1, steps, lr, lr / 10, 2, 0.9, 0.99, 0.1, 1.0, 42, BatchSampler.Mode.RANDOM),
        new TrainConfig.Cadence(0, 1024, 1000, 0));
  }

  @Test
  void aSingleBatchIsOverfitToNearZeroLoss() {
    IntArrayTokenStream data =
        randomTokens(9, 1); // exactly one window: every batch is the same 4 rows
    Trainer t = new Trainer(cfg(60, 3e-2).withSeed(7), data, null, null, null);
    t.setConsole(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    double first = t.trainStep()[0], last = first;
    for (int i = 1; i < 60; i++) last = t.trainStep()[0];
    assertTrue(first > 2.5, "starts near ln 20: " + first);
    assertTrue(last < 0.05, "memorises 8 random tokens: final loss " + last);
  }

  @Test
  void sameSeedSameCurve() {
    IntArrayTokenStream data = randomTokens(2000, 2);
    double[] a = losses(new Trainer(cfg(4, 3e-3), data, null, null, null), 4);
    double[] b = losses(new Trainer(cfg(4, 3e-3), data, null, null, null), 4);
    assertArrayEquals(a, b, 0.0);
  }

  /**
   * One process with batch 8 is the reference for both ways of splitting it: gradient accumulation
   * (2 micro-batches of 4) and what the Spark trainer does with K=2 replicas, each (a) the gradient
   * of its rows, all-reduce, (b) the same update.
   */
  @Test
  void gradientAccumulationAndTwoReplicasFollowOneProcessWithTheLargeBatch() {
    IntArrayTokenStream data = randomTokens(2000, 3);
    Trainer single = new Trainer(cfg(3, 3e-3).withBatch(8, 1), data, null, null, null);
    Trainer acc = new Trainer(cfg(3, 3e-3).withBatch(4, 2), data, null, null, null);
    Trainer r0 = new Trainer(cfg(3, 3e-3).withBatch(4, 1), data, null, null, null);
    Trainer r1 = new Trainer(cfg(3, 3e-3).withBatch(4, 1), data, null, null, null);
    for (int step = 0; step < 3; step++) {
      double[] x = single.trainStep(), y = acc.trainStep();
      assertEquals(x[0], y[0], 1e-5, "accumulated loss at step " + step);
      assertEquals(x[1], y[1], 1e-4 * x[1], "accumulated grad norm at step " + step);
      long row = step * 8L;
      double l0 = r0.gradient(row, 4);
      INDArray g = r0.model().gradients().dup();
      double l1 = r1.gradient(row + 4, 4);
      g.addi(r1.model().gradients()).divi(2); // the all-reduce
      r0.applyUpdate(g.dup());
      r1.applyUpdate(g);
      assertEquals(x[0], (l0 + l1) / 2, 1e-5, "replica loss at step " + step);
    }
    assertTrue(maxAbsDiff(single.model().params(), acc.model().params()) < 1e-5, "accumulation");
    assertTrue(maxAbsDiff(single.model().params(), r0.model().params()) < 1e-5, "replicas");
    assertEquals(
        0.0, maxAbsDiff(r0.model().params(), r1.model().params()), "replicas stay identical");
  }

  @Test
  void metricsFileHasTrainAndEvalRecords(@TempDir Path dir) throws Exception {
    Path m = dir.resolve("metrics.jsonl");
    IntArrayTokenStream data = randomTokens(3000, 5);
    TrainConfig c =
        new TrainConfig(
            TINY,
            new Optim(
                4, 1, 4, 3e-3, 3e-4, 1, 0.9, 0.99, 0.1, 1.0, 42, BatchSampler.Mode.SEQUENTIAL),
            new TrainConfig.Cadence(2, 64, 1, 0));
    Trainer t = new Trainer(c, data.slice(0, 2500), data.slice(2500, 3000), null, null);
    t.setConsole(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    t.run(m);
    List<String> lines = Files.readAllLines(m);
    assertEquals(4, lines.stream().filter(l -> l.contains("\"kind\":\"train\"")).count());
    assertEquals(
        3,
        lines.stream().filter(l -> l.contains("\"kind\":\"eval\"")).count(),
        "steps 0, 2 and the end");
    // the file's format, field by field and in order (the report and users' scripts read it):
    // the pretrain job's time split follows the standard fields
    assertEquals(
        List.of(
            "kind",
            "step",
            "loss",
            "lr",
            "grad_norm",
            "tokens",
            "tokens_per_s",
            "elapsed_s",
            "step_s",
            "compute_s",
            "sync_s",
            "update_s"),
        fieldNames(lines.get(1)));
    assertEquals(
        List.of("kind", "step", "tokens", "val_loss", "val_ppl", "val_bpb", "val_tokens"),
        fieldNames(lines.get(0)));
  }

  private static List<String> fieldNames(String jsonLine) throws Exception {
    List<String> names = new java.util.ArrayList<>();
    new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(jsonLine)
        .fieldNames()
        .forEachRemaining(names::add);
    return names;
  }

  @Test
  void learningRateWarmsUpThenFollowsCosine() {
    LrSchedule s = new LrSchedule(1e-3, 1e-4, 10, 110);
    assertEquals(1e-4, s.at(0), 1e-12);
    assertEquals(1e-3, s.at(9), 1e-12);
    assertEquals(5.5e-4, s.at(60), 1e-12);
    assertEquals(1e-4, s.at(110), 1e-12);
    assertEquals(1e-4, s.at(500), 1e-12);
  }

  static double[] losses(Trainer t, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) out[i] = t.trainStep()[0];
    return out;
  }

  static double maxAbsDiff(INDArray a, INDArray b) {
    return a.sub(b).amaxNumber().doubleValue();
  }
}
