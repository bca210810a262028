package org.lmforge.jobs;

import java.util.List;
import org.lmforge.config.ConfigBinder;
import org.lmforge.pipeline.job.Job;
import org.lmforge.pipeline.tokenize.TokenizeConfig;
import org.lmforge.pipeline.tokenize.TokenizeJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pipeline tokenize}: train or load a byte-level BPE tokenizer and write token shards. */
@Command(
    name = "tokenize",
    description = "Clean Parquet corpus to token shards (train/validation split) with a manifest.")
public final class TokenizeCommand extends JobCommand {
  @Option(
      names = "--input",
      arity = "1..*", // --input a/docs b/docs, as the shell expands */docs
      paramLabel = "PATH",
      description = "Clean corpus Parquet (repeatable; several after one --input).")
  @Replaces("input")
  List<String> inputs = List.of();

  @Mixin OutputOption out = new OutputOption();

  @Mixin OverwriteOption replace = new OverwriteOption();

  @Override
  List<Job<?>> jobs() {
    return List.of(tokenizeJob());
  }

  /** The job these options and conf/tokenize.conf (with --config and --conf) describe. */
  TokenizeJob tokenizeJob() {
    return new TokenizeJob(ConfigBinder.bind(config(), "tokenize", TokenizeConfig.class));
  }
}
