package org.lmforge.model.train;

/**
 * Linear warmup to maxLr over warmupSteps, then cosine decay to minLr at decaySteps, flat after
 * (nanoGPT).
 */
public record LrSchedule(double maxLr, double minLr, int warmupSteps, int decaySteps) {
  public LrSchedule {
    if (maxLr <= 0 || minLr < 0 || minLr > maxLr)
      throw new IllegalArgumentException(
          "need 0 <= minLr <= maxLr, 0 < maxLr; got maxLr=" + maxLr + " minLr=" + minLr);
    if (warmupSteps < 0 || decaySteps < warmupSteps)
      throw new IllegalArgumentException(
          "need 0 <= warmupSteps <= decaySteps; got " + warmupSteps + ", " + decaySteps);
  }

  /** Learning rate for 0-based step. */
  public double at(long step) {
    if (step < warmupSteps) return maxLr * (step + 1) / warmupSteps;
    if (step >= decaySteps) return minLr;
    double progress = (double) (step - warmupSteps) / Math.max(1, decaySteps - warmupSteps);
    return minLr + 0.5 * (1 + Math.cos(Math.PI * progress)) * (maxLr - minLr);
  }
}
