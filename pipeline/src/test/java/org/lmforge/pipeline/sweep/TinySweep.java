package org.lmforge.pipeline.sweep;

import java.nio.file.Path;
import java.util.List;
import org.lmforge.config.Records;
import org.lmforge.pipeline.train.PretrainConfig;
import org.lmforge.pipeline.train.TinyPretrain;

/**
 * The small IsoFLOP sweep the sweep tests train for real on local[2]: three shapes at budgets of
 * 2e7 and 5e7 FLOPs (six points before those outside the step limits are left out), every run from
 * the same {@link TinyPretrain} template.
 */
final class TinySweep {
  private TinySweep() {}

  static final List<SweepConfig.Shape> SHAPES =
      List.of(
          new SweepConfig.Shape(1, 2, 16),
          new SweepConfig.Shape(1, 2, 24),
          new SweepConfig.Shape(2, 2, 32));

  static final List<Double> BUDGETS = List.of(2e7, 5e7);

  /** The sweep of the shards at {@code tokens} into {@code output}, runs of 3 to maxSteps steps. */
  static SweepConfig isoflop(
      String tokens,
      Path output,
      int maxSteps,
      int parallelRuns,
      double lrRefWidth,
      SweepConfig.Predict predict) {
    return new SweepConfig(
        tokens,
        output.toString(),
        "",
        SweepConfig.Plan.ISOFLOP,
        SHAPES,
        BUDGETS,
        List.of(),
        3,
        maxSteps,
        1e18,
        parallelRuns,
        lrRefWidth,
        predict);
  }

  /**
   * The runs' settings (the plan replaces the model's shape and the run's length): evaluated and
   * logged every 5 steps, a checkpoint every {@code checkpointInterval}.
   */
  static PretrainConfig template(String tokens, int replicas, int checkpointInterval) {
    return Records.with(
        TinyPretrain.config(tokens, "unused"),
        "replicas",
        replicas,
        "evalInterval",
        5,
        "logInterval",
        5,
        "checkpointInterval",
        checkpointInterval);
  }
}
