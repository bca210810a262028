package org.lmforge.jobs;

import java.util.List;
import org.lmforge.config.ConfigBinder;
import org.lmforge.pipeline.job.Job;
import org.lmforge.pipeline.train.PretrainConfig;
import org.lmforge.pipeline.train.PretrainJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pipeline pretrain}: data-parallel GPT pretraining on token shards, one Spark job per step.
 */
@Command(
    name = "pretrain",
    description = "Pretrain a GPT on token shards, data-parallel across Spark executors.")
public final class PretrainCommand extends JobCommand {
  @Mixin TokensAndOutput paths = new TokensAndOutput(); // the output: the run directory

  @Option(
      names = "--resume",
      description = "Continue the run in the output directory from its last checkpoint.")
  @Replaces("resume")
  boolean resume;

  @Mixin OverwriteOption replace = new OverwriteOption();

  @Override
  List<Job<?>> jobs() {
    return List.of(new PretrainJob(ConfigBinder.bind(config(), "pretrain", PretrainConfig.class)));
  }
}
