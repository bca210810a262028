package org.lmforge.pipeline.train;

import org.lmforge.model.gpt.GptConfig;
import org.lmforge.model.train.BatchSampler;
import org.lmforge.model.train.Optim;

/**
 * The small pretrain run the pipeline's tests train for real on local[2]. A test starts from {@link
 * #config} and sets what it depends on (replicas, cadence, model, optimiser) by name, with {@link
 * org.lmforge.config.Records#with} or the config's {@code withX} methods, rather than repeating all
 * fifteen settings in order.
 */
public final class TinyPretrain {
  private TinyPretrain() {}

  /** One layer of two heads, d16, context 16; the vocabulary is the shards'. */
  public static final GptConfig MODEL =
      new GptConfig(0, 16, 1, 2, 16, 0.0, GptConfig.Positional.LEARNED, false);

  /**
   * Batches of 2 rows, one step, lr 3e-3 decaying to 3e-4 after 2 warm-up steps, seed 7 (a sweep's
   * plan replaces the length).
   */
  public static final Optim OPTIM =
      new Optim(2, 1, 1, 3e-3, 3e-4, 2, 0.9, 0.99, 0.1, 1.0, 7, BatchSampler.Mode.RANDOM);

  /**
   * {@link #MODEL} trained with {@link #OPTIM} on the shards at {@code tokens} into {@code output}:
   * a new run, one replica of one thread, 512 validation tokens evaluated at the end only, a log
   * line and a checkpoint every step, no recoveries; fp32, sync auto.
   */
  public static PretrainConfig config(String tokens, String output) {
    return new PretrainConfig(
        tokens,
        output,
        false,
        false,
        MODEL,
        PretrainConfig.Dtype.FLOAT,
        OPTIM,
        1,
        1,
        0,
        512,
        1,
        1,
        0,
        PretrainConfig.Sync.AUTO);
  }
}
