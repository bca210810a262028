package org.lmforge.jobs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lmforge.dataprep.tokenize.BpeTokenizer;
import org.lmforge.dataprep.tokenize.TokenizerFiles;
import org.lmforge.dataprep.tokenize.TokenizerStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pipeline tokenizer-stats}: bytes per token and most frequent tokens, ours next to GPT-2's. */
@Command(name = "tokenizer-stats", mixinStandardHelpOptions = true,
    description = "Bytes per token and the most frequent tokens of a tokenizer on a text, next to GPT-2's.")
public final class TokenizerStatsCommand implements Callable<Integer> {
  @Option(names = "--tokenizer", required = true, paramLabel = "DIR",
      description = "vocab.json + merges.txt, e.g. work/tokens/tokenizer") Path tokenizer;

  @Option(names = "--text", required = true, paramLabel = "FILE", description = "UTF-8 text") Path text;

  @Option(names = "--top", defaultValue = "20") int top;

  @Option(names = "--gpt2", paramLabel = "PATH", description = "GPT-2's files (encoder.json + vocab.bpe, or "
      + "r50k_base.tiktoken); default: the copy in JTokkit's jar") Path gpt2;

  @Override
  public Integer call() throws Exception {
    BpeTokenizer ours = TokenizerFiles.load(tokenizer, tokenizer.getFileName().toString());
    String s = new String(Files.readAllBytes(text), StandardCharsets.UTF_8);
    BpeTokenizer reference = gpt2 != null ? TokenizerFiles.gpt2From(gpt2) : TokenizerFiles.gpt2FromClasspath();
    System.out.print(TokenizerStats.sideBySide(TokenizerStats.measure(ours, s, top),
        TokenizerStats.measure(reference, s, top)));
    return 0;
  }
}
