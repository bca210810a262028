package org.lmforge.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.model.checkpoint.Checkpoint;
import org.lmforge.model.checkpoint.CheckpointStore;
import org.lmforge.model.checkpoint.LocalCheckpointStore;
import org.lmforge.model.eval.EvalResult;

class TrainLoopTest {
  static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
  static final IntArrayTokenStream DATA = TrainerTest.randomTokens(3000, 11);

  /**
   * 6 steps; evaluations at 0, 2, 4 and the end, a record every step, checkpoints at 2, 4 and 6.
   */
  static TrainConfig cfg() {
    return new TrainConfig(
        TrainerTest.TINY,
        new Optim(4, 1, 6, 3e-3, 3e-4, 2, 0.9, 0.99, 0.1, 1.0, 42, BatchSampler.Mode.RANDOM),
        new TrainConfig.Cadence(2, 64, 1, 2));
  }

  /**
   * A run of {@code trainer} whose steps are {@code step}: a failed step ends it, unless {@code
   * recovery} restores an earlier state.
   */
  record ScriptedRun(Trainer trainer, Supplier<StepResult> step, Recovery recovery)
      implements TrainLoop.Run {
    @Override
    public StepResult next() {
      return step.get();
    }

    @Override
    public void recover(Exception failure) throws IOException {
      if (recovery == null) TrainLoop.Run.super.recover(failure);
      else recovery.run();
    }
  }

  interface Recovery {
    void run() throws IOException;
  }

  static Trainer trainer(CheckpointStore store) {
    return new Trainer(cfg(), DATA.slice(0, 2500), DATA.slice(2500, 3000), store, "last.ckpt");
  }

  /**
   * The pretrain job's recovery, in one process: step 4 fails, the run goes back to the checkpoint
   * of step 2 and the log is rewound to it. The log then holds each step once and every figure of
   * the uninterrupted run.
   */
  @Test
  void aRecoveredRunLogsTheUninterruptedRunsFiguresEachStepOnce(@TempDir Path dir)
      throws IOException {
    Path straightFile = dir.resolve("straight.jsonl");
    Trainer straight = trainer(new LocalCheckpointStore(dir.resolve("a")));
    List<String> console = new ArrayList<>();
    EvalResult expected =
        new TrainLoop(
                cfg(),
                cfg().tokensPerStep(),
                MetricsLog.open(MetricsLog.localFile(straightFile), -1),
                console::add)
            .run(new LocalRun(straight, QUIET))
            .last();

    CheckpointStore store = new LocalCheckpointStore(dir.resolve("b"));
    Trainer t = trainer(store);
    Path recoveredFile = dir.resolve("recovered.jsonl");
    int[] failures = {0};
    LocalRun local = new LocalRun(t, QUIET);
    TrainLoop.Run failingOnce =
        new ScriptedRun(
            t,
            () -> {
              if (t.step() == 3 && failures[0]++ == 0)
                throw new IllegalStateException("executor lost");
              return local.next();
            },
            () -> t.resumeFrom(Checkpoint.read(store, "last.ckpt"), "last.ckpt"));
    TrainLoop.Outcome o =
        new TrainLoop(
                cfg(),
                cfg().tokensPerStep(),
                MetricsLog.open(MetricsLog.localFile(recoveredFile), -1),
                line -> {})
            .run(failingOnce);

    assertEquals(2, failures[0], "the failed step ran again after the recovery");
    assertEquals(figures(straightFile), figures(recoveredFile));
    assertEquals(expected.loss(), o.last().loss(), 0.0);
    assertEquals(0.0, straight.model().params().sub(t.model().params()).amaxNumber().doubleValue());
    // the console lines the pretrain job prints (and sweeps match on), in the loop's order
    String[] starts = {
      "step 0: val loss", "step 1/6  loss", "step 2/6  loss", "step 2: val loss", "step 3/6  loss"
    };
    for (int i = 0; i < starts.length; i++)
      assertTrue(console.get(i).startsWith(starts[i]), console.toString());
    assertTrue(console.get(console.size() - 1).startsWith("step 6: val loss"), console.toString());
    assertTrue(console.get(1).contains("ETA "), console.get(1));
  }

  /**
   * Without a recovery, a failed step ends the run (a local trainer has no earlier state to go back
   * to).
   */
  @Test
  void aFailedStepEndsALocalRun() {
    Trainer t = trainer(null);
    TrainLoop.Run failing =
        new ScriptedRun(
            t,
            () -> {
              throw new IllegalStateException("out of memory");
            },
            null);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                new TrainLoop(cfg(), cfg().tokensPerStep(), MetricsLog.discard(), line -> {})
                    .run(failing));
    assertEquals("out of memory", e.getMessage());
  }

  /**
   * A resumed log keeps the records up to its step and drops the later ones, which the resumed run
   * rewrites.
   */
  @Test
  void reopeningAtAStepKeepsTheRecordsUpToIt(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("m.jsonl");
    Trainer t = trainer(null);
    t.setConsole(QUIET);
    t.run(file);
    MetricsLog resumed = MetricsLog.open(MetricsLog.localFile(file), 4);
    resumed.flush();
    List<JsonNode> kept = read(file);
    assertTrue(
        kept.stream()
            .allMatch(
                n ->
                    n.path("kind").asText().equals("eval")
                        ? n.path("step").asLong() < 4
                        : n.path("step").asLong() <= 4),
        kept.toString());
    assertEquals(4, kept.stream().filter(n -> n.path("kind").asText().equals("train")).count());
    assertEquals(
        2,
        kept.stream().filter(n -> n.path("kind").asText().equals("eval")).count(),
        "steps 0 and 2");
  }

  /**
   * Every record without its timings (the only fields two runs of the same steps may differ in).
   */
  static List<String> figures(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonNode n : read(file)) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) n)
          .remove(
              List.of("tokens_per_s", "elapsed_s", "step_s", "compute_s", "sync_s", "update_s"));
      out.add(n.toString());
    }
    return out;
  }

  static List<JsonNode> read(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> out = new ArrayList<>();
    for (String l : Files.readAllLines(file)) out.add(json.readTree(l));
    return out;
  }
}
