package org.lmforge.jobs;

import picocli.CommandLine.Option;

/**
 * The options that name a trained run, shared by {@code generate} and {@code eval} (a picocli
 * mixin).
 */
final class RunOptions {
  @Option(
      names = "--run",
      required = true,
      paramLabel = "DIR",
      description =
          "A run directory of the pretrain job (--output, or work/sweep/runs/<run_id>); any Hadoop path.")
  String run;

  @Option(
      names = "--tokens",
      paramLabel = "DIR",
      description =
          "The run's token directory, when run.json's config.tokens no longer points at it.")
  String tokens;
}
