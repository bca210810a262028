package org.lmforge.model.train;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * One process's run for {@link TrainLoop}: {@link Trainer#timedStep} on its own stream, its own
 * checkpoints; a failed step ends it.
 */
record LocalRun(Trainer trainer, PrintStream console) implements TrainLoop.Run {
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
}
