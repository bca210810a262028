package org.lmforge.pipeline.train;

import org.lmforge.model.train.StepResult;
import org.lmforge.model.train.Trainer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How a data-parallel step gets its K replica gradients: {@link SparkStep} (one Spark job per step,
 * replicas on executors) or {@link InProcessStep} (replicas on threads of the driver, for {@code
 * local[*]}, where a Spark job would only add scheduling and serialisation). Both compute replica
 * k's share with {@link Replicas#compute}, sum the shares in replica order and apply one clip +
 * AdamW on the driver, so K replicas x batch B take the same step as one process with batch K·B on
 * either engine.
 */
interface StepEngine extends AutoCloseable {
  /**
   * One optimiser step of {@code master}; its {@link StepResult#computeSeconds} is the slowest
   * replica's, its {@link StepResult#syncSeconds} the rest of getting the gradients (scheduling,
   * broadcast, shipping back, summing).
   */
  StepResult run(Trainer master, long maxSteps);

  /**
   * The driver's half of a step, the same on both engines: average the summed shares, clip + AdamW
   * once, and split the step's time ({@code t0} start, {@code t1} the shares summed) into compute,
   * sync and update.
   */
  static StepResult applyAveraged(
      Trainer master, GradientShare sum, int replicas, long t0, long t1) {
    INDArray g = Nd4j.createFromArray(sum.gradient());
    double norm = master.applyUpdate(g, 1.0 / replicas);
    g.close();
    long t2 = System.nanoTime();
    double gather = (t1 - t0) / 1e9;
    return new StepResult(
        sum.lossSum() / replicas,
        norm,
        (t2 - t0) / 1e9,
        sum.maxComputeSeconds(),
        Math.max(0, gather - sum.maxComputeSeconds()),
        (t2 - t1) / 1e9);
  }

  /** Short name for the start line: "spark" or "in-process". */
  String name();

  @Override
  void close();
}
