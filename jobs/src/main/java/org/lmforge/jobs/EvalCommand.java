package org.lmforge.jobs;

import java.util.concurrent.Callable;
import org.lmforge.pipeline.eval.EvalConfig;
import org.lmforge.pipeline.eval.EvalJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pipeline eval}: loss, perplexity and bits per byte of a held-out input under a pretrain
 * run's tokenizer and model. A Spark session is started only for a Parquet input.
 */
@Command(
    name = "eval",
    description =
        "Loss (nats/token), perplexity and bits per byte of a held-out text, Parquet corpus or token split "
            + "under a pretrain run's tokenizer and model.")
public final class EvalCommand implements Callable<Integer> {
  @Mixin RunOptions runOptions;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "PATH",
      description =
          "A UTF-8 text file; a Parquet file or directory with a text column (the clean job's docs/); or "
              + "token shards: a tokenize output (its validation split), a split directory, e.g. <tokens>/validation.")
  String input;

  @Option(
      names = "--max-tokens",
      paramLabel = "N",
      description =
          "Tokens to score, in whole windows of the context length; 0 = the whole input. Default: the "
              + "run's evalTokens, so that its own validation split gives its finalValLoss.")
  Long maxTokens;

  @Option(
      names = "--force",
      description = "Evaluate even a text the run's tokenizer covers poorly (another script).")
  boolean force;

  @Mixin MasterOption cluster = new MasterOption(); // used for a Parquet input only

  @Override
  public Integer call() throws Exception {
    Launch.run(
        "eval",
        cluster.master(),
        new EvalJob(new EvalConfig(runOptions.run, runOptions.tokens, input, maxTokens, force)));
    return 0;
  }
}
