package org.lmforge.model.train;

/**
 * Where a run's step time went, over the steps of one invocation. The first step builds the
 * replicas and JIT-compiles, so it is left out of the averages (and of the ETA once a second step
 * exists).
 */
public final class StepTimes {
  private long steps;
  private double wall, compute, sync, update;

  void add(StepResult r) {
    if (steps++ > 0) {
      wall += r.wallSeconds();
      compute += r.computeSeconds();
      sync += r.syncSeconds();
      update += r.updateSeconds();
    }
  }

  /** Steps taken by this invocation, the first included. */
  public long steps() {
    return steps;
  }

  /** Tokens per second over the averaged steps; NaN with fewer than two steps. */
  public double tokensPerSecond(long tokensPerStep) {
    return steps < 2 ? Double.NaN : (steps - 1) * tokensPerStep / wall;
  }

  public double meanComputeSeconds() {
    return per(compute);
  }

  public double meanSyncSeconds() {
    return per(sync);
  }

  public double meanUpdateSeconds() {
    return per(update);
  }

  /**
   * Seconds for {@code remaining} more steps at the mean step time ({@code last}'s alone after the
   * first step).
   */
  double eta(long remaining, StepResult last) {
    return remaining * (steps > 1 ? wall / (steps - 1) : last.wallSeconds());
  }

  private double per(double total) {
    return steps - 1 <= 0 ? Double.NaN : total / (steps - 1);
  }
}
