package org.lmforge.model.train;

import java.util.ArrayList;
import java.util.List;
import org.lmforge.config.Records;

/**
 * The optimiser part of a run, shared by a local {@link Trainer} and the pretrain job ({@code
 * pretrain.optim} in {@code conf/pretrain.conf}, keys = component names): AdamW with linear warmup
 * and a cosine to minLr at maxSteps. For the pretrain job {@code batchSize} is sequences per
 * replica per micro-batch, so one optimiser step sees replicas·batchSize·gradAccum sequences.
 *
 * @param batchSize sequences per micro-batch
 * @param gradAccum micro-batches per optimiser step
 * @param maxSteps optimiser steps of the run; the cosine ends here
 * @param lr peak learning rate
 * @param minLr learning rate at the end of the cosine
 * @param warmupSteps linear warmup steps, capped at maxSteps
 * @param beta1 AdamW first-moment decay
 * @param beta2 AdamW second-moment decay
 * @param weightDecay decoupled (AdamW) decay on the blocks' matmul weights only
 * @param gradClip max global L2 norm of the (averaged) gradient; 0 = off
 * @param seed initialisation, data windows and dropout (all derived per sample row)
 * @param sampling RANDOM windows (nanoGPT) or SEQUENTIAL
 */
public record Optim(
    int batchSize,
    int gradAccum,
    int maxSteps,
    double lr,
    double minLr,
    int warmupSteps,
    double beta1,
    double beta2,
    double weightDecay,
    double gradClip,
    long seed,
    BatchSampler.Mode sampling) {
  public Optim {
    List<String> errors = new ArrayList<>();
    if (batchSize < 1) errors.add("batchSize=" + batchSize + " must be >= 1");
    if (gradAccum < 1) errors.add("gradAccum=" + gradAccum + " must be >= 1");
    if (maxSteps < 0) errors.add("maxSteps=" + maxSteps + " must be >= 0");
    if (warmupSteps < 0) errors.add("warmupSteps=" + warmupSteps + " must be >= 0");
    if (gradClip < 0) errors.add("gradClip=" + gradClip + " must be >= 0 (0 = off)");
    if (weightDecay < 0) errors.add("weightDecay=" + weightDecay + " must be >= 0");
    if (!(lr > 0)) errors.add("lr=" + lr + " must be > 0");
    if (!(minLr >= 0 && minLr <= lr))
      errors.add("minLr=" + minLr + " must be between 0 and lr (" + lr + ")");
    // a beta of 1 or more never forgets (and divides by zero in the bias correction)
    if (!(beta1 >= 0 && beta1 < 1)) errors.add("beta1=" + beta1 + " must be in [0, 1)");
    if (!(beta2 >= 0 && beta2 < 1)) errors.add("beta2=" + beta2 + " must be in [0, 1)");
    if (sampling == null) errors.add("sampling is empty: random or sequential");
    if (!errors.isEmpty()) throw new IllegalArgumentException(String.join("; ", errors));
  }

  /** Warmup then cosine to minLr at maxSteps; a warmup longer than the run is cut to the run. */
  public LrSchedule schedule() {
    return schedule(lr, minLr, warmupSteps, maxSteps);
  }

  private static LrSchedule schedule(double lr, double minLr, int warmupSteps, int maxSteps) {
    return new LrSchedule(lr, minLr, Math.min(warmupSteps, maxSteps), maxSteps);
  }

  public Optim withBatch(int batch, int accum) {
    return Records.with(this, "batchSize", batch, "gradAccum", accum);
  }

  public Optim withSeed(long s) {
    return Records.with(this, "seed", s);
  }
}
