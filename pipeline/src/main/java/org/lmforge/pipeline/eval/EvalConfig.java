package org.lmforge.pipeline.eval;

import org.lmforge.pipeline.job.UserError;

/**
 * {@code pipeline eval}: score a held-out input with a run's tokenizer and model.
 *
 * @param run the pretrain run directory (any Hadoop path)
 * @param tokens the run's token directory when run.json's {@code config.tokens} no longer points at
 *     it; null: run.json's
 * @param input a UTF-8 text file, a Parquet file or directory with a {@code text} column, or token
 *     shards
 * @param maxTokens tokens to score: null for the run's {@code evalTokens} (so that the run's
 *     validation split gives its final validation loss), {@link #ALL} for the whole input
 * @param force evaluate even a text the run's tokenizer covers poorly ({@link TokenizerCoverage})
 */
public record EvalConfig(String run, String tokens, String input, Long maxTokens, boolean force) {
  public static final long ALL = 0;

  public EvalConfig {
    if (run == null || run.isBlank())
      throw new UserError("--run is empty; give a pretrain run directory");
    if (input == null || input.isBlank())
      throw new UserError("--input is empty; give a text, Parquet or shard path");
    if (maxTokens != null && maxTokens < 0) {
      throw new UserError(
          "--max-tokens="
              + maxTokens
              + " must be >= 0 (0 = the whole input; default: the run's "
              + "evalTokens)");
    }
  }
}
