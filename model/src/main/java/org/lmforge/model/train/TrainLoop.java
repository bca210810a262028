package org.lmforge.model.train;

import java.io.IOException;
import java.util.Locale;
import java.util.function.Consumer;
import org.lmforge.model.eval.EvalResult;

/**
 * The one training loop, for a local {@link Trainer} ({@link Trainer#run}) and the data-parallel
 * pretrain job: evaluate (at steps 0, k·evalInterval) → one optimiser step → a metrics record and a
 * progress line (every logInterval steps and at the end) → a checkpoint (every checkpointInterval
 * steps and at the end), until maxSteps; then a final evaluation (also when evalInterval is 0). The
 * order is part of the numerics: an evaluation at step s sees the weights a checkpoint at s holds,
 * so a run resumed from that checkpoint evaluates and steps exactly as an uninterrupted one. What
 * differs between a local and a data-parallel run (the step function, where checkpoints go,
 * recovery from a failed step) is the {@link Run} it is given.
 */
public final class TrainLoop {
  /**
   * What the loop drives: the trainer whose step, evaluator and checkpoints it uses, and how one
   * optimiser step is taken on it.
   */
  public interface Run {
    /**
     * The trainer being trained: its step count, validation stream (none: never evaluated) and
     * checkpoint store (none: no checkpoints). A recovery may replace it.
     */
    Trainer trainer();

    /** One optimiser step; advances the trainer's step. */
    StepResult next();

    /**
     * {@link #next} failed: throw, or restore an earlier state (e.g. the last checkpoint) for the
     * loop to go on from the trainer's step. By default a failed step ends the run. The failure is
     * an {@code Exception}, not only a {@code RuntimeException}: a failed Spark job throws {@code
     * SparkException}, checked in Java, undeclared.
     */
    default void recover(Exception failure) throws IOException {
      if (failure instanceof RuntimeException r) throw r;
      throw new IllegalStateException(failure.getMessage(), failure);
    }
  }

  /**
   * The last evaluation (null if none), the best validation loss of the whole log, and the step
   * times.
   */
  public record Outcome(EvalResult last, double bestValLoss, StepTimes times) {}

  private final TrainConfig cfg;
  private final long tokensPerStep;
  private final MetricsLog metrics;
  private final Consumer<String> console;

  /**
   * @param tokensPerStep tokens one optimiser step sees (all replicas), for the records' {@code
   *     tokens}
   * @param console receives the evaluation and progress lines (without line ends)
   */
  public TrainLoop(
      TrainConfig cfg, long tokensPerStep, MetricsLog metrics, Consumer<String> console) {
    this.cfg = cfg;
    this.tokensPerStep = tokensPerStep;
    this.metrics = metrics;
    this.console = console;
  }

  public Outcome run(Run run) throws IOException {
    TrainConfig.Cadence c = cfg.cadence();
    long maxSteps = cfg.optim().maxSteps();
    LrSchedule schedule = cfg.schedule();
    StepTimes times = new StepTimes();
    double best = metrics.bestValLoss();
    EvalResult last = null;
    long t0 = System.nanoTime();
    double windowWall = 0;
    long windowTokens = 0;
    while (run.trainer().step() < maxSteps) {
      Trainer t = run.trainer(); // until a recovery replaces it
      long step = t.step();
      if (t.hasValidation() && c.evalInterval() > 0 && step % c.evalInterval() == 0) {
        last = evaluate(t);
        best = Double.isNaN(best) ? last.loss() : Math.min(best, last.loss());
      }
      StepResult r;
      try {
        r = run.next();
      } catch (
          Exception
              e) { // see Run.recover: Spark's failures are checked exceptions it does not declare
        run.recover(e);
        metrics.rewindTo(run.trainer().step());
        continue;
      }
      times.add(r);
      windowWall += r.wallSeconds();
      windowTokens += tokensPerStep;
      long done = t.step();
      if (done % c.logInterval() == 0 || done == maxSteps) {
        double tps = windowTokens / windowWall;
        double lr = schedule.at(done - 1);
        metrics.train(done, lr, r, done * tokensPerStep, tps, (System.nanoTime() - t0) / 1e9);
        metrics.flush();
        console.accept(
            String.format(
                Locale.ROOT,
                "step %d/%d  loss %.4f  lr %.2e  gnorm %.3f  %,.0f tok/s  step %.0f "
                    + "ms (compute %.0f, sync %.0f, update %.0f)  ETA %s",
                done,
                maxSteps,
                r.loss(),
                lr,
                r.gradNorm(),
                tps,
                1e3 * r.wallSeconds(),
                1e3 * r.computeSeconds(),
                1e3 * r.syncSeconds(),
                1e3 * r.updateSeconds(),
                duration(times.eta(maxSteps - done, r))));
        windowWall = 0;
        windowTokens = 0;
      }
      if (c.checkpointInterval() > 0 && (done % c.checkpointInterval() == 0 || done == maxSteps)) {
        if (t.hasCheckpoints()) t.saveCheckpoint();
        metrics.flush();
      }
    }
    if (run.trainer().hasValidation()) {
      last = evaluate(run.trainer());
      best = Double.isNaN(best) ? last.loss() : Math.min(best, last.loss());
    }
    metrics.flush();
    return new Outcome(last, best, times);
  }

  private EvalResult evaluate(Trainer t) {
    EvalResult e = t.evaluate();
    long step = t.step();
    metrics.eval(step, step * tokensPerStep, e);
    console.accept(
        String.format(
            Locale.ROOT,
            "step %d: val loss %.4f, ppl %.2f, bpb %.4f",
            step,
            e.loss(),
            e.perplexity(),
            e.bitsPerByte()));
    return e;
  }

  /** "1h05m" or "3m20s". */
  static String duration(double s) {
    long t = Math.round(s);
    return t >= 3600
        ? String.format("%dh%02dm", t / 3600, t / 60 % 60)
        : String.format("%dm%02ds", t / 60, t % 60);
  }
}
