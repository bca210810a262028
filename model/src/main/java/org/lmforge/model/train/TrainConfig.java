package org.lmforge.model.train;

import org.lmforge.config.Records;
import org.lmforge.model.gpt.GptConfig;

/**
 * Everything one training run needs besides data: the architecture, the optimiser and the loop's
 * cadence. The pretrain job builds it from its own configuration ({@code
 * PretrainConfig#trainConfig}) with the same {@link Optim}, so a local run and a data-parallel one
 * are configured by the same three parts.
 *
 * @param model architecture
 * @param optim optimiser, batch, length and seed of the run
 * @param cadence when {@link TrainLoop} evaluates, logs and checkpoints
 */
public record TrainConfig(GptConfig model, Optim optim, Cadence cadence) {
  public TrainConfig {
    if (model == null || optim == null || cadence == null)
      throw new IllegalArgumentException("a TrainConfig needs a model, an optimiser and a cadence");
  }

  /**
   * How often the loop does what is not a step.
   *
   * @param evalInterval steps between validation passes (and one after the last step); 0 = only
   *     after the last step
   * @param evalTokens validation tokens per pass (fixed windows from the start of the validation
   *     stream)
   * @param logInterval steps between metrics records and progress lines (and at the last step)
   * @param checkpointInterval steps between checkpoints (and at the last step); 0 = never
   */
  public record Cadence(int evalInterval, int evalTokens, int logInterval, int checkpointInterval) {
    public Cadence {
      if (evalInterval < 0 || evalTokens < 1 || logInterval < 1 || checkpointInterval < 0)
        throw new IllegalArgumentException(
            "need evalInterval >= 0, evalTokens >= 1, logInterval >= 1 and "
                + "checkpointInterval >= 0; got "
                + evalInterval
                + ", "
                + evalTokens
                + ", "
                + logInterval
                + ", "
                + checkpointInterval);
    }
  }

  public LrSchedule schedule() {
    return optim.schedule();
  }

  /**
   * Tokens one process sees per optimiser step (a data-parallel step sees this times the replicas).
   */
  public int tokensPerStep() {
    return optim.batchSize() * optim.gradAccum() * model.contextLength();
  }

  public TrainConfig withModel(GptConfig m) {
    return Records.with(this, "model", m);
  }

  public TrainConfig withBatch(int batch, int accum) {
    return Records.with(this, "optim", optim.withBatch(batch, accum));
  }

  public TrainConfig withSeed(long s) {
    return Records.with(this, "optim", optim.withSeed(s));
  }
}
