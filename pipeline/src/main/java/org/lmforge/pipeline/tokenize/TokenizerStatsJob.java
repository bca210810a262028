package org.lmforge.pipeline.tokenize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.lmforge.dataprep.tokenize.BpeTokenizer;
import org.lmforge.dataprep.tokenize.TokenizerFiles;
import org.lmforge.dataprep.tokenize.TokenizerFormatException;
import org.lmforge.dataprep.tokenize.TokenizerStats;
import org.lmforge.pipeline.io.FileKind;
import org.lmforge.pipeline.job.DriverJob;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.job.UserError;

/**
 * The tokenizer-stats command's job: bytes per token and the most frequent tokens of a tokenizer on
 * a text, next to GPT-2's ({@link TokenizerStats}). On the driver alone.
 */
public final class TokenizerStatsJob extends DriverJob<TokenizerStatsJob.Config, String> {
  /**
   * @param tokenizer a directory with vocab.json + merges.txt (or GPT-2's encoder.json + vocab.bpe)
   * @param text a UTF-8 text file
   * @param top tokens to list
   * @param gpt2 GPT-2's files; null for the copy in JTokkit's jar
   */
  public record Config(Path tokenizer, Path text, int top, Path gpt2) {}

  public TokenizerStatsJob(Config cfg) {
    super("tokenizer-stats", cfg);
  }

  @Override
  public void check(Configuration hadoop) throws IOException {
    if (cfg.top() < 0) {
      throw UserError.of(
          "not a count:", "--top " + cfg.top(), "give the number of tokens to list, 0 or more");
    }
    checkTokenizer(cfg.tokenizer());
    checkText(cfg.text());
    if (cfg.gpt2() != null && !Files.exists(cfg.gpt2())) {
      throw UserError.of(
          "no GPT-2 tokenizer files at",
          cfg.gpt2() + " (--gpt2)",
          "give encoder.json + vocab.bpe's "
              + "directory or r50k_base.tiktoken, or leave --gpt2 out to use the copy in JTokkit's jar");
    }
  }

  /** The side-by-side table, also reported line by line. */
  @Override
  public String run(SparkSession spark, Progress progress) throws IOException {
    BpeTokenizer ours;
    BpeTokenizer reference;
    try {
      ours = TokenizerFiles.load(cfg.tokenizer(), cfg.tokenizer().getFileName().toString());
    } catch (TokenizerFormatException e) {
      throw UserError.of(
          "the tokenizer files do not parse:",
          e.getMessage(),
          "give the tokenizer/ directory a tokenize job wrote (vocab.json + merges.txt)");
    }
    try {
      reference =
          cfg.gpt2() != null
              ? TokenizerFiles.gpt2From(cfg.gpt2())
              : TokenizerFiles.gpt2FromClasspath();
    } catch (TokenizerFormatException e) {
      throw UserError.of(
          "GPT-2's tokenizer files do not parse:",
          e.getMessage(),
          "give --gpt2 a directory with GPT-2's encoder.json + vocab.bpe, or r50k_base.tiktoken,"
              + " or leave it out to use the copy in JTokkit's jar");
    }
    String s = new String(Files.readAllBytes(cfg.text()), StandardCharsets.UTF_8);
    String table =
        TokenizerStats.sideBySide(
            TokenizerStats.measure(ours, s, cfg.top()),
            TokenizerStats.measure(reference, s, cfg.top()));
    table.lines().forEach(progress::line);
    return table;
  }

  private static void checkTokenizer(Path dir) {
    String fix =
        "give a directory with vocab.json + merges.txt (a tokenize output's tokenizer/, e.g. "
            + "work/tokens/tokenizer) or encoder.json + vocab.bpe";
    UserError.requireExists(dir, "tokenizer directory", fix);
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

  private static void checkText(Path file) throws IOException {
    String fix = "give a UTF-8 text file";
    UserError.requireExists(file, "text file", fix);
    if (Files.isDirectory(file)) {
      throw UserError.of("a directory, not a text file:", file.toString(), fix);
    }
    FileKind kind = FileKind.sniff(file);
    if (kind != FileKind.TEXT) {
      throw UserError.of(
          "not a text file:",
          file + " is " + kind.description(),
          Objects.requireNonNullElse(kind.toText(file.toString()), fix));
    }
  }
}
