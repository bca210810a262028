package org.lmforge.model.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.model.gpt.GptConfig;
import org.lmforge.model.train.AdamW;
import org.lmforge.model.train.BatchSampler;
import org.lmforge.model.train.IntArrayTokenStream;
import org.lmforge.model.train.Optim;
import org.lmforge.model.train.TrainConfig;
import org.lmforge.model.train.Trainer;

class CheckpointTest {
  static final GptConfig TINY =
      new GptConfig(20, 8, 2, 2, 16, 0.1, GptConfig.Positional.LEARNED, false);

  static TrainConfig cfg(int steps) {
    return new TrainConfig(
        TINY,
        new Optim(
            4,
            2,
            steps,
            3e-3,
            3e-4,
            Math.min(2, steps),
            0.9,
            0.99,
            0.1,
            1.0,
            42,
            BatchSampler.Mode.RANDOM),
        new TrainConfig.Cadence(0, 1024, 1000, 0));
  }

  static IntArrayTokenStream data(long seed) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    int[] t = new int[3000];
    for (int i = 0; i < t.length; i++) t[i] = r.nextInt(20);
    return new IntArrayTokenStream(t, 20, 1.0);
  }

  /** Dropout on (0.1) and gradient accumulation: the resumed curve must still be identical. */
  @Test
  void runStoppedAtKAndResumedMatchesUninterruptedRun(@TempDir Path dir) throws Exception {
    IntArrayTokenStream d = data(1);
    Trainer straight = new Trainer(cfg(6), d, null, null, null);
    double[] expected = new double[6];
    for (int i = 0; i < 6; i++) expected[i] = straight.trainStep()[0];

    CheckpointStore store = new LocalCheckpointStore(dir);
    Trainer first = new Trainer(cfg(6), d, null, store, "ckpt.zip");
    double[] got = new double[6];
    for (int i = 0; i < 3; i++) got[i] = first.trainStep()[0];
    first.saveCheckpoint();

    Trainer resumed = new Trainer(cfg(6).withSeed(42), d, null, store, "ckpt.zip");
    resumed.resumeFrom(Checkpoint.read(store, "ckpt.zip"), "ckpt.zip");
    assertEquals(3, resumed.step());
    for (int i = 3; i < 6; i++) got[i] = resumed.trainStep()[0];
    assertArrayEquals(expected, got, 0.0);
    assertEquals(
        0.0, straight.model().params().sub(resumed.model().params()).amaxNumber().doubleValue());
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "only the renamed checkpoint remains, no temp files");
    }
  }

  @Test
  void checkpointFromAnotherArchitectureIsRefusedNamingTheMismatch(@TempDir Path dir)
      throws Exception {
    CheckpointStore store = new LocalCheckpointStore(dir);
    Trainer t = new Trainer(cfg(1), data(2), null, store, "a.zip");
    t.saveCheckpoint();
    TrainConfig other = cfg(1).withModel(GptConfig.of(20, 8, 3, 2, 16, 0.1));
    Trainer wider = new Trainer(other, data(2), null, null, null);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> wider.resumeFrom(Checkpoint.read(store, "a.zip"), "a.zip"));
    assertTrue(
        e.getMessage().contains("nLayer 2 vs 3") && e.getMessage().contains("a.zip"),
        e.getMessage());
  }

  @Test
  void continuedPretrainingStartsFromTheCheckpointWeights(@TempDir Path dir) throws Exception {
    CheckpointStore store = new LocalCheckpointStore(dir);
    IntArrayTokenStream corpusA = data(3);
    Trainer a = new Trainer(cfg(4), corpusA, null, store, "a.zip");
    for (int i = 0; i < 4; i++) a.trainStep();
    a.saveCheckpoint();
    // another corpus, new schedule: weights carried over, optimiser and step fresh
    Trainer b = new Trainer(cfg(5).withSeed(9), data(4), null, null, null);
    b.initFrom(Checkpoint.read(store, "a.zip"), "a.zip");
    assertEquals(0, b.step());
    AdamW.State fresh = b.checkpoint().optimizer();
    assertEquals(0, fresh.t());
    assertEquals(0.0, fresh.m().amaxNumber().doubleValue(), "first moments reset");
    assertEquals(0.0, fresh.v().amaxNumber().doubleValue(), "second moments reset");
    assertEquals(0.0, b.model().params().sub(a.model().params()).amaxNumber().doubleValue());
    assertEquals(0.0, b.model().tyingError());
    b.trainStep();
    assertEquals(1, b.step());
  }
}
