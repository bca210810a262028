package org.lmforge.jobs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lmforge.dataprep.tokenize.BpeTokenizer;
import org.lmforge.dataprep.tokenize.TokenizerFiles;
import org.lmforge.dataprep.tokenize.TokenizerFormatException;
import org.lmforge.dataprep.tokenize.TokenizerStats;
import org.lmforge.pipeline.io.FileKind;
import org.lmforge.pipeline.job.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pipeline tokenizer-stats}: bytes per token and most frequent tokens, ours next to GPT-2's.
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
    if (top < 0) {
      throw UserError.of(
          "not a count:", "--top " + top, "give the number of tokens to list, 0 or more");
    }
    checkTokenizer(tokenizer);
    checkText(text);
    if (gpt2 != null && !Files.exists(gpt2)) {
      throw UserError.of(
          "no GPT-2 tokenizer files at",
          gpt2 + " (--gpt2)",
          "give encoder.json + vocab.bpe's "
              + "directory or r50k_base.tiktoken, or leave --gpt2 out to use the copy in JTokkit's jar");
    }
    BpeTokenizer ours;
    BpeTokenizer reference;
    try {
      ours = TokenizerFiles.load(tokenizer, tokenizer.getFileName().toString());
    } catch (TokenizerFormatException e) {
      throw UserError.of(
          "the tokenizer files do not parse:",
          e.getMessage(),
          "give the tokenizer/ directory a tokenize job wrote (vocab.json + merges.txt)");
    }
    try {
      reference = gpt2 != null ? TokenizerFiles.gpt2From(gpt2) : TokenizerFiles.gpt2FromClasspath();
    } catch (TokenizerFormatException e) {
      throw UserError.of(
          "GPT-2's tokenizer files do not parse:",
          e.getMessage(),
          "give --gpt2 a directory with GPT-2's encoder.json + vocab.bpe, or r50k_base.tiktoken,"
              + " or leave it out to use the copy in JTokkit's jar");
    }
    String s = new String(Files.readAllBytes(text), StandardCharsets.UTF_8);
    System.out.print(
        TokenizerStats.sideBySide(
            TokenizerStats.measure(ours, s, top), TokenizerStats.measure(reference, s, top)));
    return 0;
  }

  private static void checkTokenizer(Path dir) {
    String fix =
        "give a directory with vocab.json + merges.txt (a tokenize output's tokenizer/, e.g. "
            + "work/tokens/tokenizer) or encoder.json + vocab.bpe";
    if (!Files.exists(dir)) {
      throw UserError.of("no such tokenizer directory:", dir.toString(), fix);
    }
    if (!Files.isDirectory(dir)) {
      throw UserError.of(
          "a file, not a tokenizer directory:",
          dir.toString(),
          dir.getFileName().toString().equals("vocab.json")
              ? "pass the directory it is in: --tokenizer " + dir.toAbsolutePath().getParent()
              : fix);
    }
    boolean ours =
        Files.isRegularFile(dir.resolve("vocab.json"))
            && Files.isRegularFile(dir.resolve("merges.txt"));
    boolean gpt2 =
        Files.isRegularFile(dir.resolve("encoder.json"))
            && Files.isRegularFile(dir.resolve("vocab.bpe"));
    if (!ours && !gpt2) {
      Path inner = dir.resolve("tokenizer");
      throw UserError.of(
          "not a tokenizer directory (no vocab.json + merges.txt):",
          dir.toString(),
          Files.isDirectory(inner) ? "did you mean --tokenizer " + inner + "?" : fix);
    }
  }

  private static void checkText(Path file) throws java.io.IOException {
    String fix = "give a UTF-8 text file";
    if (!Files.exists(file)) {
      throw UserError.of("no such text file:", file.toString(), fix);
    }
    if (Files.isDirectory(file)) {
      throw UserError.of("a directory, not a text file:", file.toString(), fix);
    }
    FileKind kind = FileKind.sniff(file);
    if (kind != FileKind.TEXT) {
      throw UserError.of(
          "not a text file:",
          file + " is " + kind.description(),
          java.util.Objects.requireNonNullElse(kind.toText(file.toString()), fix));
    }
  }
}
