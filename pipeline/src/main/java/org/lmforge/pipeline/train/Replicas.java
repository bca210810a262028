package org.lmforge.pipeline.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.lmforge.model.train.Optim;
import org.lmforge.model.train.TrainConfig;
import org.lmforge.model.train.Trainer;
import org.lmforge.pipeline.cluster.TaskGpu;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The executor side of a data-parallel step. Model replicas and the training split's reader
 * (positioned reads, {@link ShardWindowStream}) are built once per executor JVM and reused across
 * steps (a step ships only the parameters); a task borrows an idle replica, so any placement works:
 * two tasks in one JVM (local mode) get two replicas, a fresh executor after a crash builds its
 * own. Replicas of a run are dropped once no task of it has arrived for two minutes (runs of a
 * sweep may train side by side). The train splits of one corpus are shared by all replicas of the
 * JVM.
 */
final class Replicas {
  private static final Map<String, ShardWindowStream> TRAIN_SPLITS = new ConcurrentHashMap<>();
  private static final Map<String, Queue<Trainer>> IDLE = new ConcurrentHashMap<>();
  private static final Map<String, Long> LAST_USED = new ConcurrentHashMap<>();
  private static final long IDLE_RUN_NANOS = 120_000_000_000L;
  private static volatile int threadsSet;

  private Replicas() {}

  /**
   * Replica {@code k}'s gradient for the step whose first global row is {@code firstRow}, under
   * params. On GPU executors the task thread is bound to the GPU Spark assigned this task first,
   * and the replica borrowed is one built on that device: a model copy stays on the device it was
   * made on.
   */
  static GradientShare gradient(ReplicaSpec spec, float[] params, int k, long firstRow) {
    long t0 = System.nanoTime();
    useThreads(spec.threads());
    int device = TaskGpu.bind(spec.gpuBinder());
    String key = device == TaskGpu.NONE ? spec.runKey() : spec.runKey() + "@gpu" + device;
    Trainer t = borrow(spec, key);
    try {
      INDArray incoming = Nd4j.createFromArray(params);
      GradientShare g = compute(t, spec, incoming, k, firstRow, t0);
      incoming.close();
      return g;
    } finally {
      IDLE.computeIfAbsent(key, x -> new ConcurrentLinkedQueue<>()).add(t);
    }
  }

  /**
   * The one computation of a replica's share, wherever it runs (a Spark task here, a driver thread
   * in {@link InProcessStep}): load the step's parameters, take micro-batch i at global row {@code
   * spec.row(firstRow, i, k)}, return the mean gradient over the replica's rows.
   */
  static GradientShare compute(
      Trainer t, ReplicaSpec spec, INDArray params, int k, long firstRow, long startNanos) {
    INDArray p = t.model().params();
    if (p.length() != params.length()) {
      throw new IllegalStateException(
          "parameters of "
              + params.length()
              + " values for a replica of "
              + p.length()
              + " ("
              + spec.model()
              + ")");
    }
    p.assign(params);
    long[] firstRows = new long[spec.gradAccum()];
    for (int i = 0; i < firstRows.length; i++) firstRows[i] = spec.row(firstRow, i, k);
    Trainer.MeanGradient g = t.meanGradient(firstRows);
    return new GradientShare(
        g.gradient().toFloatVector(), g.loss(), 1, (System.nanoTime() - startNanos) / 1e9);
  }

  /**
   * An idle replica kept under {@code key} (the run, and the device on GPU executors), else a new
   * one.
   */
  private static Trainer borrow(ReplicaSpec spec, String key) {
    LAST_USED.put(key, System.nanoTime());
    evictIdleRuns(key);
    Trainer t = IDLE.computeIfAbsent(key, x -> new ConcurrentLinkedQueue<>()).poll();
    if (t != null) {
      return t;
    }
    TRAIN_SPLITS
        .entrySet()
        .removeIf(
            e -> { // a new corpus: close the old one
              if (e.getKey().equals(spec.tokens())) return false;
              e.getValue().close();
              return true;
            });
    return build(spec);
  }

  /**
   * Several runs may train at once on one executor (a sweep with {@code sweep.parallelRuns > 1}),
   * so replicas of other runs are kept while those runs are recent; a run not seen for {@link
   * #IDLE_RUN_NANOS} is over.
   */
  private static void evictIdleRuns(String current) {
    long now = System.nanoTime();
    LAST_USED
        .entrySet()
        .removeIf(e -> !e.getKey().equals(current) && now - e.getValue() > IDLE_RUN_NANOS);
    IDLE.keySet().removeIf(key -> !LAST_USED.containsKey(key));
  }

  /**
   * A fresh replica of the spec's model over the spec's train split (shared by the replicas of this
   * JVM).
   */
  static Trainer build(ReplicaSpec spec) {
    ShardWindowStream train =
        TRAIN_SPLITS.computeIfAbsent(
            spec.tokens(),
            dir -> {
              try {
                return ShardWindowStream.open(dir, "train", spec.hadoop().get());
              } catch (IOException e) {
                throw new UncheckedIOException("replica cannot read the train split of " + dir, e);
              }
            });
    // Only the model, the sampler and the row arithmetic matter on a replica: the optimiser runs on
    // the driver.
    TrainConfig tc =
        new TrainConfig(
            spec.model(),
            new Optim(
                spec.batchSize(),
                spec.gradAccum(),
                1,
                1e-3,
                1e-3,
                0,
                0.9,
                0.99,
                0,
                0,
                spec.seed(),
                spec.sampling()),
            new TrainConfig.Cadence(0, 1, 1, 0));
    return new Trainer(tc, spec.dtype(), train, null, null, null);
  }

  /**
   * ND4J's OpenMP and BLAS threads for this JVM: a replica task should use the cores Spark gave it.
   */
  static void useThreads(int n) {
    if (threadsSet != n) {
      synchronized (Replicas.class) {
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        Nd4j.factory().blas().setMaxThreads(n);
        threadsSet = n;
      }
    }
  }
}
