package org.lmforge.jobs;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lmforge.pipeline.tokenize.TokenizerStatsJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pipeline tokenizer-stats}: bytes per token and most frequent tokens, ours next to GPT-2's
 * ({@link TokenizerStatsJob}).
 */
@Command(
    name = "tokenizer-stats",
    description =
        "Bytes per token and the most frequent tokens of a tokenizer on a text, next to GPT-2's.")
public final class TokenizerStatsCommand implements Callable<Integer> {
  @Option(
      names = "--tokenizer",
      required = true,
      paramLabel = "DIR",
      description = "vocab.json + merges.txt, e.g. work/tokens/tokenizer")
  Path tokenizer;

  // --input as in every other command; --text, its first name, still works
  @Option(
      names = {"--input", "--text"},
      required = true,
      paramLabel = "FILE",
      description = "UTF-8 text.")
  Path text;

  @Option(names = "--top", defaultValue = "20", paramLabel = "N", description = "Tokens to list.")
  int top;

  @Option(
      names = "--gpt2",
      paramLabel = "PATH",
      description =
          "GPT-2's files (encoder.json + vocab.bpe, or "
              + "r50k_base.tiktoken); default: the copy in JTokkit's jar")
  Path gpt2;

  @Override
  public Integer call() throws Exception {
    Launch.run(
        "tokenizer-stats",
        null,
        new TokenizerStatsJob(new TokenizerStatsJob.Config(tokenizer, text, top, gpt2)));
    return 0;
  }
}
