package org.lmforge.pipeline.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.lmforge.model.train.StepResult;
import org.lmforge.model.train.Trainer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Data parallelism inside the driver JVM, for {@code local[*]}: replica k is a model copy pinned to
 * its own thread (so its ND4J workspaces stay on that thread), the step's parameters are copied
 * from the driver's model directly, and the K gradients are summed in replica order, with no Spark
 * job, broadcast or task result serialisation per step. The arithmetic is the one of {@link
 * SparkStep} ({@link Replicas#compute}); only the transport differs.
 */
final class InProcessStep implements StepEngine {
  private final ReplicaSpec spec;
  private final Trainer[] replicas;
  private final ExecutorService[] threads;

  InProcessStep(ReplicaSpec spec) {
    this.spec = spec;
    this.replicas = new Trainer[spec.replicas()];
    this.threads = new ExecutorService[spec.replicas()];
    for (int k = 0; k < threads.length; k++) {
      String name = "replica-" + k + "-" + Integer.toHexString(spec.runKey().hashCode());
      threads[k] =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
              });
    }
  }

  @Override
  public StepResult run(Trainer master, long maxSteps) {
    long t0 = System.nanoTime();
    long firstRow = master.claimRows(spec.rowsPerStep());
    INDArray params = master.model().params();
    List<Future<GradientShare>> shares = new ArrayList<>(replicas.length);
    for (int k = 0; k < replicas.length; k++) {
      int replica = k;
      shares.add(
          threads[k].submit(
              () -> {
                long start = System.nanoTime();
                Replicas.useThreads(spec.threads());
                if (replicas[replica] == null) replicas[replica] = Replicas.build(spec);
                return Replicas.compute(replicas[replica], spec, params, replica, firstRow, start);
              }));
    }
    GradientShare sum = null;
    try {
      for (Future<GradientShare> f : shares)
        sum = sum == null ? f.get() : GradientShare.add(sum, f.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "interrupted while replicas computed step " + (master.step() + 1), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "a replica failed in step " + (master.step() + 1) + ": " + e.getCause(), e.getCause());
    }
    return StepEngine.applyAveraged(master, sum, spec.replicas(), t0, System.nanoTime());
  }

  @Override
  public String name() {
    return "in-process";
  }

  @Override
  public void close() {
    for (ExecutorService t : threads) t.shutdownNow();
  }
}
