package org.lmforge.model.train;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import org.lmforge.model.eval.EvalResult;

/**
 * One process's run for {@link TrainLoop}: {@link Trainer#timedStep} on its own stream, its own
 * checkpoints. Not final: the tests replace its step or its recovery.
 */
class LocalRun implements TrainLoop.Run {
  private final Trainer trainer;
  private final PrintStream console;

  LocalRun(Trainer trainer, PrintStream console) {
    this.trainer = trainer;
    this.console = console;
  }

  @Override
  public long step() {
    return trainer.step();
  }

  @Override
  public StepResult next() {
    StepResult r = trainer.timedStep();
    // start-up cost as a user sees it (JVM, ND4J loading, the first step's JIT): docs/model.md
    // quotes this line
    if (trainer.step() == 1)
      console.printf(
          "first step done %.1f s after JVM start%n",
          (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime())
              / 1000.0);
    return r;
  }

  @Override
  public boolean evaluates() {
    return trainer.hasValidation();
  }

  @Override
  public EvalResult evaluate() {
    return trainer.evaluate();
  }

  @Override
  public void checkpoint() {
    if (trainer.hasCheckpoints()) trainer.saveCheckpoint();
  }
}
