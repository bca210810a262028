package org.lmforge.bench.train;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.apache.hadoop.conf.Configuration;
import org.lmforge.model.gpt.GptConfig;
import org.lmforge.model.train.BatchSampler;
import org.lmforge.model.train.Optim;
import org.lmforge.model.train.TrainConfig;
import org.lmforge.model.train.Trainer;
import org.lmforge.pipeline.train.ShardWindowStream;
import org.nd4j.linalg.factory.Nd4j;

/**
 * CPU time per optimiser step of one replica (one thread), per shape and batch: what a sweep's
 * planner needs to size budgets. Thread CPU time, so a loaded machine changes it less than wall
 * time (still: measure alone). {@code StepCostBench TOKENS_DIR CONTEXT "L,H,d;L,H,d" "8,16" STEPS}
 */
public final class StepCostBench {
  public static void main(String[] args) throws Exception {
    String tokens = args[0];
    int context = Integer.parseInt(args[1]);
    int steps = Integer.parseInt(args[4]);
    Nd4j.getEnvironment().setMaxThreads(1);
    Nd4j.getEnvironment().setMaxMasterThreads(1);
    Nd4j.factory().blas().setMaxThreads(1);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    try (ShardWindowStream train = ShardWindowStream.open(tokens, "train", new Configuration())) {
      for (String shape : args[2].split(";")) {
        String[] s = shape.split(",");
        GptConfig g =
            new GptConfig(
                train.vocabSize(),
                context,
                Integer.parseInt(s[0]),
                Integer.parseInt(s[1]),
                Integer.parseInt(s[2]),
                0.0,
                GptConfig.Positional.LEARNED,
                false);
        for (String b : args[3].split(",")) {
          int batch = Integer.parseInt(b);
          TrainConfig tc =
              new TrainConfig(
                  g,
                  new Optim(
                      batch,
                      1,
                      steps + 5,
                      3e-3,
                      3e-4,
                      1,
                      0.9,
                      0.99,
                      0.1,
                      1.0,
                      1,
                      BatchSampler.Mode.RANDOM),
                  new TrainConfig.Cadence(0, 1, 1, 0));
          Trainer t = new Trainer(tc, train, null, null, null);
          for (int i = 0; i < 5; i++) t.trainStep();
          long c0 = mx.getCurrentThreadCpuTime(), w0 = System.nanoTime();
          for (int i = 0; i < steps; i++) t.trainStep();
          double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9 / steps,
              wall = (System.nanoTime() - w0) / 1e9 / steps;
          System.out.printf(
              "L%s d%s N=%,d batch %d x %d: %.1f ms CPU/step (%.1f wall), %,.0f tokens per CPU-s%n",
              s[0],
              s[2],
              g.nonEmbeddingParams(),
              batch,
              context,
              1e3 * cpu,
              1e3 * wall,
              batch * context / cpu);
        }
      }
    }
  }
}
