package org.lmforge.pipeline.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.lmforge.model.train.TrainConfig;
import org.lmforge.model.train.Trainer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The executor side of a data-parallel step. Model replicas and the training split's reader (positioned
 * reads, {@link ShardWindowStream}) are built once per executor JVM and reused across steps (a step ships
 * only the parameters); a task borrows an idle replica,
 * so any placement works: two tasks in one JVM (local mode) get two replicas, a fresh executor after a crash
 * builds its own. Replicas of an earlier run are dropped when a task of a new run arrives.
 */
final class Replicas {
  private static final Map<String, ShardWindowStream> TRAIN_SPLITS = new ConcurrentHashMap<>();
  private static final Map<String, Queue<Trainer>> IDLE = new ConcurrentHashMap<>();
  private static volatile int threadsSet;

  private Replicas() {}

  /** Replica {@code k}'s gradient for the step whose first global row is {@code firstRow}, under params. */
  static GradientShare gradient(ReplicaSpec spec, float[] params, int k, long firstRow) {
    long t0 = System.nanoTime();
    useThreads(spec.threads());
    Trainer t = borrow(spec);
    try {
      INDArray p = t.model().params();
      if (p.length() != params.length) {
        throw new IllegalStateException("parameters of " + params.length + " values for a replica of "
            + p.length() + " (" + spec.model() + ")");
      }
      INDArray incoming = Nd4j.createFromArray(params);
      p.assign(incoming);
      incoming.close();
      long[] firstRows = new long[spec.gradAccum()];
      for (int i = 0; i < firstRows.length; i++) firstRows[i] = spec.row(firstRow, i, k);
      Trainer.MeanGradient g = t.meanGradient(firstRows);
      return new GradientShare(g.gradient().toFloatVector(), g.loss(), 1, (System.nanoTime() - t0) / 1e9);
    } finally {
      IDLE.computeIfAbsent(spec.runKey(), key -> new ConcurrentLinkedQueue<>()).add(t);
    }
  }

  private static Trainer borrow(ReplicaSpec spec) {
    IDLE.keySet().removeIf(key -> !key.equals(spec.runKey()));   // one run at a time per executor
    Trainer t = IDLE.computeIfAbsent(spec.runKey(), key -> new ConcurrentLinkedQueue<>()).poll();
    if (t != null) {
      return t;
    }
    TRAIN_SPLITS.entrySet().removeIf(e -> {   // a new corpus: close the old one
      if (e.getKey().equals(spec.tokens())) return false;
      e.getValue().close();
      return true;
    });
    ShardWindowStream train = TRAIN_SPLITS.computeIfAbsent(spec.tokens(), dir -> {
      try {
        return ShardWindowStream.open(dir, "train", spec.hadoop().get());
      } catch (IOException e) {
        throw new UncheckedIOException("replica cannot read the train split of " + dir, e);
      }
    });
    // Only the model, the sampler and the row arithmetic matter on a replica: the optimiser runs on the driver.
    TrainConfig tc = new TrainConfig(spec.model(), spec.batchSize(), spec.gradAccum(), 1, 1e-3, 1e-3, 0, 1, 0.9,
        0.99, 0, 0, spec.seed(), spec.sampling(), 0, 1, 1, 0, null);
    return new Trainer(tc, train, null, null, null);
  }

  /** ND4J's OpenMP and BLAS threads for this JVM: a replica task should use the cores Spark gave it. */
  private static void useThreads(int n) {
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
