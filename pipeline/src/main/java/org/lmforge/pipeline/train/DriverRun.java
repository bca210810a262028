package org.lmforge.pipeline.train;

import java.io.IOException;
import org.lmforge.model.checkpoint.Checkpoint;
import org.lmforge.model.eval.EvalResult;
import org.lmforge.model.train.StepResult;
import org.lmforge.model.train.TrainConfig;
import org.lmforge.model.train.TrainLoop;
import org.lmforge.model.train.Trainer;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.job.UserError;

/**
 * The pretrain job's side of {@link TrainLoop}: the driver's trainer ({@code master}) takes its
 * steps from the data-parallel {@link StepEngine}, evaluates and checkpoints (to {@link
 * PretrainRun#CHECKPOINT}). A step whose Spark job failed even after Spark's task retries restarts
 * from the last checkpoint, up to {@code maxRecoveries} times; a failure that carries a {@link
 * UserError} is a setting to fix, not retried.
 */
final class DriverRun implements TrainLoop.Run {
  private final StepEngine engine;
  private final TrainConfig tc;
  private final ShardWindowStream val;
  private final HadoopCheckpointStore store;
  private final int maxRecoveries;
  private final Progress console;
  Trainer master; // replaced by a recovery
  int recoveries;
  private long stepStarted;

  DriverRun(
      Trainer master,
      StepEngine engine,
      TrainConfig tc,
      ShardWindowStream val,
      HadoopCheckpointStore store,
      int maxRecoveries,
      Progress console) {
    this.master = master;
    this.engine = engine;
    this.tc = tc;
    this.val = val;
    this.store = store;
    this.maxRecoveries = maxRecoveries;
    this.console = console;
  }

  @Override
  public long step() {
    return master.step();
  }

  @Override
  public StepResult next() {
    stepStarted = master.step();
    return engine.run(master, tc.optim().maxSteps());
  }

  @Override
  public boolean evaluates() {
    return true;
  }

  @Override
  public EvalResult evaluate() {
    return master.evaluate();
  }

  @Override
  public void checkpoint() {
    master.saveCheckpoint();
  }

  @Override
  public void recover(Exception e) throws IOException {
    UserError mistake = userError(e);
    if (mistake != null)
      throw mistake; // a setting to fix (e.g. an executor without CUDA): no retry helps
    if (++recoveries > maxRecoveries) {
      throw new IllegalStateException(
          "step "
              + (stepStarted + 1)
              + " failed and pretrain.maxRecoveries="
              + maxRecoveries
              + " recoveries are used up; the last checkpoint is "
              + store.describe(PretrainRun.CHECKPOINT)
              + " (re-run with --resume once the cluster is healthy)",
          e);
    }
    console.printf(
        "step %d failed (%s); recovery %d of %d: restarting from the last checkpoint",
        stepStarted + 1, rootMessage(e), recoveries, maxRecoveries);
    master = restore(tc, val, store, true, console);
  }

  /**
   * The driver's trainer, from the last checkpoint when asked and present, else fresh from the
   * seed.
   */
  static Trainer restore(
      TrainConfig tc,
      ShardWindowStream val,
      HadoopCheckpointStore store,
      boolean fromCheckpoint,
      Progress console)
      throws IOException {
    Trainer t = new Trainer(tc, null, val, store, PretrainRun.CHECKPOINT);
    if (fromCheckpoint && store.exists(PretrainRun.CHECKPOINT)) {
      Checkpoint ck = Checkpoint.read(store, PretrainRun.CHECKPOINT);
      // another architecture or seed than the checkpoint's: the settings changed between the runs
      UserError.fromIllegalArgument(() -> t.resumeFrom(ck, store.describe(PretrainRun.CHECKPOINT)));
      console.printf("restored %s: step %d", store.describe(PretrainRun.CHECKPOINT), t.step());
    } else if (fromCheckpoint) {
      console.printf(
          "no checkpoint at %s yet: starting from step 0", store.describe(PretrainRun.CHECKPOINT));
    }
    return t;
  }

  /**
   * The user mistake a failed step carries (a Spark task's exception arrives as the cause of the
   * job's), if any.
   */
  private static UserError userError(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof UserError u) return u;
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable c = e;
    while (c.getCause() != null && c.getCause() != c) c = c.getCause();
    String m = String.valueOf(c.getMessage());
    return m.length() > 300 ? m.substring(0, 300) + "..." : m;
  }
}
