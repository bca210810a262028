package org.lmforge.pipeline.train;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.lmforge.model.train.StepResult;
import org.lmforge.model.train.Trainer;

/**
 * Synchronous data parallelism on Spark, one optimiser step per Spark job. The driver's {@link
 * Trainer} holds the one authoritative copy of the weights and the AdamW state. A step broadcasts
 * the weights, runs one task per replica (each computes the mean gradient of its rows, see {@link
 * ReplicaSpec#row}), sums the gradients with {@code treeReduce}, and applies clip + AdamW once to
 * their average: the update every replica would apply to its own copy, computed once. So K replicas
 * with batch B take exactly the step one process with batch K·B takes, up to float summation order.
 *
 * <p>A step is a pure function of (weights, step's first row): a task lost with its executor is
 * simply re-run by Spark elsewhere, and a failed step can be re-run from a checkpoint.
 */
final class SparkStep implements StepEngine {
  private final JavaSparkContext jsc;
  private final ReplicaSpec spec;
  private final Broadcast<ReplicaSpec>
      shippedSpec; // once per run: it carries the Hadoop configuration
  private final List<Integer> replicaIds;

  SparkStep(JavaSparkContext jsc, ReplicaSpec spec) {
    this.jsc = jsc;
    this.spec = spec;
    this.shippedSpec = jsc.broadcast(spec);
    this.replicaIds = IntStream.range(0, spec.replicas()).boxed().toList();
  }

  @Override
  public StepResult run(Trainer master, long maxSteps) {
    long t0 = System.nanoTime();
    long step = master.step();
    long firstRow = master.claimRows(spec.rowsPerStep());
    Broadcast<float[]> weights = jsc.broadcast(master.model().params().toFloatVector());
    GradientShare sum;
    try {
      jsc.setJobDescription(
          String.format(
              "step %d/%d: gradients of %d replicas x %d x %d tokens",
              step + 1,
              maxSteps,
              spec.replicas(),
              spec.batchSize() * spec.gradAccum(),
              spec.model().contextLength()));
      sum =
          jsc.parallelize(replicaIds, replicaIds.size())
              .setName("replicas")
              .map(gradientOf(shippedSpec, weights, firstRow))
              .treeReduce(GradientShare::add, 2);
    } finally {
      weights.destroy();
      jsc.setJobDescription(null);
    }
    if (sum.replicas() != spec.replicas()) {
      throw new IllegalStateException(
          "step " + step + " reduced " + sum.replicas() + " of " + spec.replicas() + " replicas");
    }
    return StepEngine.applyAveraged(master, sum, spec.replicas(), t0, System.nanoTime());
  }

  /** Static, so the closure captures only what it names (not this driver object). */
  private static Function<Integer, GradientShare> gradientOf(
      Broadcast<ReplicaSpec> spec, Broadcast<float[]> weights, long firstRow) {
    return k -> Replicas.gradient(spec.value(), weights.value(), k, firstRow);
  }

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public void close() {
    shippedSpec.destroy();
  }
}
