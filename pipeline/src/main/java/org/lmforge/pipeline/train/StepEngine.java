package org.lmforge.pipeline.train;

import org.lmforge.model.train.Trainer;

/**
 * How a data-parallel step gets its K replica gradients: {@link SparkStep} (one Spark job per step, replicas
 * on executors) or {@link InProcessStep} (replicas on threads of the driver, for {@code local[*]}, where a
 * Spark job would only add scheduling and serialisation). Both compute replica k's share with
 * {@link Replicas#compute}, sum the shares in replica order and apply one clip + AdamW on the driver, so
 * K replicas x batch B take the same step as one process with batch K·B on either engine.
 */
interface StepEngine extends AutoCloseable {
  /**
   * One step's outcome and where its time went: {@code computeSeconds} is the slowest replica,
   * {@code syncSeconds} the rest of getting the gradients (scheduling, broadcast, shipping back, summing),
   * {@code updateSeconds} the driver's clip + AdamW.
   */
  record Result(double loss, double gradNorm, double wallSeconds, double computeSeconds, double syncSeconds,
                double updateSeconds) { }

  Result run(Trainer master, long maxSteps);

  /** Short name for the start line: "spark" or "in-process". */
  String name();

  @Override
  void close();
}
