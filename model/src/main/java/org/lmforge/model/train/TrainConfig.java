package org.lmforge.model.train;

import java.nio.file.Path;
import org.lmforge.model.gpt.GptConfig;

/**
 * Everything one training run needs besides data. Defaults ({@link #defaults}) follow nanoGPT's
 * shakespeare_char recipe: AdamW (0.9, 0.99), weight decay 0.1, clip 1.0, warmup 100, cosine to lr/10.
 *
 * @param model              architecture
 * @param batchSize          sequences per micro-batch
 * @param gradAccum          micro-batches per optimiser step (effective batch = batchSize·gradAccum)
 * @param maxSteps           optimiser steps of the run
 * @param lr                 peak learning rate; minLr at the end of the cosine
 * @param warmupSteps        linear warmup steps
 * @param decaySteps         end of the cosine (usually maxSteps)
 * @param weightDecay        AdamW decay on block matmul weights only
 * @param gradClip           max global gradient L2 norm (0 = off)
 * @param seed               initialisation, data order and dropout
 * @param sampling           RANDOM windows (nanoGPT) or SEQUENTIAL
 * @param evalInterval       steps between validation passes (and at the last step); 0 = never
 * @param evalTokens         validation tokens per pass (fixed windows from the start of the validation stream)
 * @param logInterval        steps between console lines
 * @param checkpointInterval steps between checkpoints (and at the last step); 0 = never
 * @param metricsFile        JSON lines, one per logged step and per evaluation; null = none
 */
public record TrainConfig(GptConfig model, int batchSize, int gradAccum, int maxSteps, double lr, double minLr,
                          int warmupSteps, int decaySteps, double beta1, double beta2, double weightDecay,
                          double gradClip, long seed, BatchSampler.Mode sampling, int evalInterval, int evalTokens,
                          int logInterval, int checkpointInterval, Path metricsFile) {
  public TrainConfig {
    if (batchSize < 1 || gradAccum < 1 || maxSteps < 0)
      throw new IllegalArgumentException("batchSize, gradAccum must be >= 1 and maxSteps >= 0; got " + batchSize
          + ", " + gradAccum + ", " + maxSteps);
    new LrSchedule(lr, minLr, warmupSteps, decaySteps);   // validates
    if (gradClip < 0 || weightDecay < 0) throw new IllegalArgumentException("gradClip and weightDecay must be >= 0");
  }

  public static TrainConfig defaults(GptConfig model, int batchSize, int maxSteps, double lr) {
    return new TrainConfig(model, batchSize, 1, maxSteps, lr, lr / 10, Math.min(100, maxSteps), maxSteps, 0.9, 0.99,
        0.1, 1.0, 1337, BatchSampler.Mode.RANDOM, 250, 64 * 1024, 10, 0, null);
  }

  public LrSchedule schedule() { return new LrSchedule(lr, minLr, warmupSteps, decaySteps); }

  public int tokensPerStep() { return batchSize * gradAccum * model.contextLength(); }

  public TrainConfig withModel(GptConfig m) {
    return new TrainConfig(m, batchSize, gradAccum, maxSteps, lr, minLr, warmupSteps, decaySteps, beta1, beta2,
        weightDecay, gradClip, seed, sampling, evalInterval, evalTokens, logInterval, checkpointInterval, metricsFile);
  }

  public TrainConfig withSteps(int steps, int evalInterval, int checkpointInterval) {
    return new TrainConfig(model, batchSize, gradAccum, steps, lr, minLr, Math.min(warmupSteps, steps), steps, beta1,
        beta2, weightDecay, gradClip, seed, sampling, evalInterval, evalTokens, logInterval, checkpointInterval,
        metricsFile);
  }

  public TrainConfig withMetricsFile(Path p) {
    return new TrainConfig(model, batchSize, gradAccum, maxSteps, lr, minLr, warmupSteps, decaySteps, beta1, beta2,
        weightDecay, gradClip, seed, sampling, evalInterval, evalTokens, logInterval, checkpointInterval, p);
  }

  public TrainConfig withBatch(int batch, int accum) {
    return new TrainConfig(model, batch, accum, maxSteps, lr, minLr, warmupSteps, decaySteps, beta1, beta2,
        weightDecay, gradClip, seed, sampling, evalInterval, evalTokens, logInterval, checkpointInterval, metricsFile);
  }

  public TrainConfig withSeed(long s) {
    return new TrainConfig(model, batchSize, gradAccum, maxSteps, lr, minLr, warmupSteps, decaySteps, beta1, beta2,
        weightDecay, gradClip, s, sampling, evalInterval, evalTokens, logInterval, checkpointInterval, metricsFile);
  }
}
