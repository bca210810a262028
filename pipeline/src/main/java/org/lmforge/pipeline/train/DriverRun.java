package org.lmforge.pipeline.train;

import java.io.IOException;
import org.lmforge.model.train.StepResult;
import org.lmforge.model.train.TrainLoop;
import org.lmforge.model.train.Trainer;
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
  private final DriverTrainer driver;
  private final int maxRecoveries;
  Trainer master; // replaced by a recovery
  int recoveries;
  private long stepStarted;

  DriverRun(Trainer master, StepEngine engine, DriverTrainer driver, int maxRecoveries) {
    this.master = master;
    this.engine = engine;
    this.driver = driver;
    this.maxRecoveries = maxRecoveries;
  }

  @Override
  public Trainer trainer() {
    return master;
  }

  @Override
  public StepResult next() {
    stepStarted = master.step();
    return engine.run(master, driver.tc().optim().maxSteps());
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
              + driver.store().describe(PretrainRun.CHECKPOINT)
              + " (re-run with --resume once the cluster is healthy)",
          e);
    }
    driver
        .console()
        .printf(
            "step %d failed (%s); recovery %d of %d: restarting from the last checkpoint",
            stepStarted + 1, rootMessage(e), recoveries, maxRecoveries);
    master = driver.restore(true);
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
