package org.lmforge.pipeline.sweep;

import java.util.ArrayList;
import java.util.List;
import org.lmforge.config.Records;

/**
 * The sweep job ({@code conf/sweep.conf}; each run's settings come from the {@code pretrain} block,
 * whose shape and length the plan replaces).
 *
 * @param tokens token shards (the tokenize job's output), any Hadoop URI
 * @param output sweep directory: runs/&lt;run_id&gt;/ (one pretrain run each), runs.csv,
 *     runs.parquet, plan.json, provenance/
 * @param cleanStats the clean job's stats.json, copied to provenance/ for the report ("" = none)
 * @param plan isoflop: for every budget C, every shape with D = C/(6N); grid: every shape x every
 *     entry of gridTokens
 * @param shapes the model family; N is the non-embedding parameter count of each shape
 * @param budgets compute budgets C in FLOPs (isoflop)
 * @param gridTokens token counts D (grid)
 * @param minSteps points needing fewer optimiser steps are left out (too short to mean anything)
 * @param maxSteps points needing more are left out (too long for this sweep)
 * @param reportBudget the budget (FLOPs) the report predicts the optimal N and D for
 * @param parallelRuns runs trained at the same time, each data-parallel over its share of the task
 *     slots (replicas / parallelRuns); 1 = one after another
 * @param lrRefWidth learning-rate rule: a run of width dModel gets {@code optim.lr · min(1,
 *     lrRefWidth/dModel)} (Adam's 1/width rule, as in muP), minLr scaled alike; 0 = every run gets
 *     optim.lr
 * @param predict the held-out prediction run: after the fit, one run at {@code multiplier} x the
 *     largest fitted budget at the law's compute-optimal size, never used in the fit
 */
public record SweepConfig(
    String tokens,
    String output,
    String cleanStats,
    Plan plan,
    List<Shape> shapes,
    List<Double> budgets,
    List<Double> gridTokens,
    int minSteps,
    int maxSteps,
    double reportBudget,
    int parallelRuns,
    double lrRefWidth,
    Predict predict) {

  /**
   * @param multiplier the prediction run's budget over the largest fitted budget (the issue asks >=
   *     4); 0 = no prediction run
   * @param maxSteps the prediction run may be longer than sweep.maxSteps, up to this
   */
  public record Predict(double multiplier, int maxSteps) {
    public static final Predict NONE = new Predict(0, 0);

    public boolean enabled() {
      return multiplier > 0;
    }
  }

  public enum Plan {
    ISOFLOP,
    GRID
  }

  /** One member of the model family. */
  public record Shape(int nLayer, int nHead, int dModel) {}

  public SweepConfig {
    List<String> errors = new ArrayList<>();
    if (shapes == null || shapes.isEmpty())
      errors.add("sweep.shapes is empty: list the model shapes to train");
    for (int i = 0; shapes != null && i < shapes.size(); i++) {
      Shape s = shapes.get(i);
      if (s.nLayer() < 1 || s.nHead() < 1 || s.dModel() < 1) {
        errors.add("sweep.shapes[" + i + "] " + s + ": nLayer, nHead and dModel must be >= 1");
      } else if (s.dModel() % s.nHead() != 0) { // was a stack trace once the sweep planned
        errors.add(
            "sweep.shapes["
                + i
                + "] "
                + s
                + ": dModel is not divisible by nHead (each head gets dModel / nHead dimensions)");
      }
    }
    if (plan == Plan.ISOFLOP && (budgets == null || budgets.isEmpty())) {
      errors.add("sweep.plan=isoflop needs sweep.budgets (FLOPs)");
    }
    if (plan == Plan.GRID && (gridTokens == null || gridTokens.isEmpty())) {
      errors.add("sweep.plan=grid needs sweep.gridTokens");
    }
    for (double b : budgets == null ? List.<Double>of() : budgets) {
      if (!(b > 0)) errors.add("sweep.budgets holds " + b + "; budgets must be > 0 FLOPs");
    }
    for (double d : gridTokens == null ? List.<Double>of() : gridTokens) {
      if (!(d > 0)) errors.add("sweep.gridTokens holds " + d + "; token counts must be > 0");
    }
    if (minSteps < 1 || maxSteps < minSteps) {
      errors.add(
          "sweep.minSteps="
              + minSteps
              + ", sweep.maxSteps="
              + maxSteps
              + ": need 1 <= minSteps <= maxSteps");
    }
    if (parallelRuns < 1) errors.add("sweep.parallelRuns=" + parallelRuns + " must be >= 1");
    if (lrRefWidth < 0)
      errors.add("sweep.lrRefWidth=" + lrRefWidth + " must be >= 0 (0 = one learning rate)");
    if (predict == null)
      errors.add(
          "sweep.predict is missing: set sweep.predict.multiplier = 0 for no prediction run");
    else if (predict.multiplier() < 0 || (predict.enabled() && predict.maxSteps() < 1)) {
      errors.add(
          "sweep.predict: multiplier="
              + predict.multiplier()
              + ", maxSteps="
              + predict.maxSteps()
              + "; need multiplier >= 0 (0 = off) and maxSteps >= 1");
    }
    if (!errors.isEmpty()) throw new IllegalArgumentException(String.join("; ", errors));
  }

  public SweepConfig withParallelRuns(int runs) {
    return Records.with(this, "parallelRuns", runs);
  }
}
