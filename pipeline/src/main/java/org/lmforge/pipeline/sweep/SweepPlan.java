package org.lmforge.pipeline.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lmforge.config.Records;
import org.lmforge.model.gpt.GptConfig;

/**
 * Plans a sweep. IsoFLOP (Chinchilla approach 2): for each compute budget C and each shape with N
 * non-embedding parameters, D = C/(6N) tokens, rounded to whole optimiser steps. Grid: every shape
 * for every D. Points outside [minSteps, maxSteps] are left out and listed with the reason, so a
 * plan never silently changes the budget.
 */
public final class SweepPlan {
  /** The points to run and the ones left out (with why). */
  public record Planned(List<SweepPoint> points, List<String> leftOut) {}

  private SweepPlan() {}

  public static Planned plan(SweepConfig c, GptConfig base, long tokensPerStep) {
    List<SweepPoint> points = new ArrayList<>();
    List<String> leftOut = new ArrayList<>();
    for (SweepConfig.Shape s : c.shapes()) {
      GptConfig g = model(base, s);
      long n = g.nonEmbeddingParams();
      List<double[]> targets = new ArrayList<>(); // {budget, tokens}
      if (c.plan() == SweepConfig.Plan.ISOFLOP) {
        for (double budget : c.budgets()) targets.add(new double[] {budget, budget / (6.0 * n)});
      } else {
        for (double d : c.gridTokens()) targets.add(new double[] {6.0 * n * d, d});
      }
      for (double[] t : targets) {
        long steps = Math.round(t[1] / tokensPerStep);
        String id = runId(t[0], c.plan(), s, t[1]);
        if (steps < c.minSteps() || steps > c.maxSteps()) {
          leftOut.add(
              String.format(
                  Locale.ROOT,
                  "%s: N=%,d needs %,.0f tokens = %d steps of %,d tokens, outside "
                      + "sweep.minSteps..maxSteps = %d..%d",
                  id,
                  n,
                  t[1],
                  steps,
                  tokensPerStep,
                  c.minSteps(),
                  c.maxSteps()));
          continue;
        }
        points.add(
            new SweepPoint(id, s, n, g.parameterCount(), t[0], steps * tokensPerStep, (int) steps));
      }
    }
    return new Planned(points, leftOut);
  }

  /**
   * The family member {@code s}: the base model (vocabulary, context, positions) with the shape's
   * size.
   */
  static GptConfig model(GptConfig base, SweepConfig.Shape s) {
    return Records.with(base, "nLayer", s.nLayer(), "nHead", s.nHead(), "dModel", s.dModel());
  }

  /**
   * e.g. c1.0e11-L2-h4-d64 (isoflop) or d3.0e05-L2-h4-d64 (grid): a directory name, unique per
   * point.
   */
  static String runId(double budget, SweepConfig.Plan plan, SweepConfig.Shape s, double tokens) {
    String head =
        plan == SweepConfig.Plan.ISOFLOP
            ? String.format(Locale.ROOT, "c%.1e", budget)
            : String.format(Locale.ROOT, "d%.1e", tokens);
    return (head + "-L" + s.nLayer() + "-h" + s.nHead() + "-d" + s.dModel()).replace("+", "");
  }
}
