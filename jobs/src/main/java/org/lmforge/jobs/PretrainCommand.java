package org.lmforge.jobs;

import java.util.concurrent.Callable;
import org.lmforge.config.ConfigBinder;
import org.lmforge.pipeline.job.UserError;
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
public final class PretrainCommand implements Callable<Integer> {
  @Mixin JobOptions job = new JobOptions();

  @Option(
      names = "--tokens",
      paramLabel = "DIR",
      description = "Token shards; replaces pretrain.tokens.")
  String tokens;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description = "Run directory; replaces pretrain.output.")
  String output;

  @Option(
      names = "--resume",
      description = "Continue the run in the output directory from its last checkpoint.")
  boolean resume;

  @Option(names = "--overwrite", description = "Replace an existing run directory.")
  boolean overwrite;

  @Override
  public Integer call() throws Exception {
    PretrainConfig c =
        ConfigBinder.bind(
            JobConfig.load("pretrain", job.configFile, job.overrides),
            "pretrain",
            PretrainConfig.class);
    Launch.run(
        "pretrain",
        job.master(),
        new PretrainJob(
            UserError.fromIllegalArgument(
                () ->
                    c.withRun(
                        tokens == null ? c.tokens() : tokens,
                        output == null ? c.output() : output,
                        overwrite || c.overwrite(),
                        resume || c.resume()))));
    return 0;
  }
}
