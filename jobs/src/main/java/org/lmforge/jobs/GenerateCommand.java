package org.lmforge.jobs;

import java.util.concurrent.Callable;
import org.lmforge.pipeline.generate.GenerateConfig;
import org.lmforge.pipeline.generate.GenerateJob;
import org.lmforge.pipeline.job.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pipeline generate}: continue a prompt with a pretrain run's model. The continuation goes
 * to stdout, alone (pipe it); the run and timing lines go to stderr. No Spark session.
 */
@Command(
    name = "generate",
    description =
        "Continue a prompt with the model of a pretrain run (its last checkpoint); prints the continuation.")
public final class GenerateCommand implements Callable<Integer> {
  @Mixin RunOptions runOptions;

  @Option(
      names = "--prompt",
      required = true,
      paramLabel = "TEXT",
      description = "The text to continue (\"\" starts a new document).")
  String prompt;

  @Option(
      names = "--max-tokens",
      defaultValue = "200",
      paramLabel = "N",
      description =
          "New tokens at most; generation also ends at <|endoftext|> (default: ${DEFAULT-VALUE}).")
  int maxTokens;

  @Option(
      names = "--temperature",
      defaultValue = "0.8",
      paramLabel = "T",
      description = "Divides the logits; 0 = greedy (default: ${DEFAULT-VALUE}).")
  double temperature;

  @Option(
      names = "--top-k",
      defaultValue = "200",
      paramLabel = "K",
      description = "Sample among the K most likely tokens; 0 = all (default: ${DEFAULT-VALUE}).")
  int topK;

  @Option(
      names = "--top-p",
      defaultValue = "1.0",
      paramLabel = "P",
      description =
          "Then among the smallest set of those holding probability P; 1 = all (default: ${DEFAULT-VALUE}).")
  double topP;

  @Option(
      names = "--seed",
      defaultValue = "1337",
      paramLabel = "S",
      description =
          "The only randomness: the same seed gives the same text (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--greedy", description = "Always the most likely token (= --temperature 0).")
  boolean greedy;

  @Option(
      names = "--no-kv-cache",
      description =
          "Re-run the model over the whole window for each token (same tokens, "
              + "slower; for checking the cache).")
  boolean noKvCache;

  @Override
  public Integer call() throws Exception {
    GenerateJob job =
        new GenerateJob(
            new GenerateConfig(
                runOptions.run,
                runOptions.tokens,
                prompt,
                maxTokens,
                greedy ? 0 : temperature,
                topK,
                topP,
                seed,
                !noKvCache));
    // progress on stderr: stdout carries the continuation alone, so it can be piped
    System.out.println(Launch.onDriver(job, Progress.to(System.err)).text());
    return 0;
  }
}
