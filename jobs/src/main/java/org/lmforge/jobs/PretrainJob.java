package org.lmforge.jobs;

import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.lmforge.pipeline.Sessions;
import org.lmforge.pipeline.cluster.GpuSlots;
import org.lmforge.pipeline.io.HadoopConf;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.train.PretrainConfig;
import org.lmforge.pipeline.train.PretrainInputs;
import org.lmforge.pipeline.train.PretrainResult;
import org.lmforge.pipeline.train.PretrainRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pipeline pretrain}: data-parallel GPT pretraining on token shards, one Spark job per step. */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
    description = "Pretrain a GPT on token shards, data-parallel across Spark executors.")
public final class PretrainJob implements Callable<Integer> {
  @Mixin JobOptions job = new JobOptions();

  @Option(names = "--tokens", paramLabel = "DIR", description = "Token shards; replaces pretrain.tokens.")
  String tokens;

  @Option(names = "--output", paramLabel = "DIR", description = "Run directory; replaces pretrain.output.")
  String output;

  @Option(names = "--resume", description = "Continue the run in the output directory from its last checkpoint.")
  boolean resume;

  @Option(names = "--overwrite", description = "Replace an existing run directory.")
  boolean overwrite;

  @Override
  public Integer call() throws Exception {
    PretrainConfig c = ConfigBinder.bind(JobConfig.load("pretrain", job.configFile, job.overrides), "pretrain",
        PretrainConfig.class);
    PretrainConfig cfg = c.withRun(tokens == null ? c.tokens() : tokens, output == null ? c.output() : output,
        overwrite || c.overwrite(), resume || c.resume());
    // Inputs a user can get wrong are checked before Spark starts (exit 2, one line).
    org.apache.hadoop.conf.Configuration h = HadoopConf.beforeSession();
    PretrainInputs.check(cfg.tokens(), h);
    PretrainInputs.checkOutput(cfg.output(), cfg.resume(), cfg.overwrite(), h);
    GpuSlots.checkSettings(new SparkConf());   // spark-submit's --conf and -Dspark.* (Spark itself rejects some later)
    try (SparkSession spark = Sessions.create("lmforge-pretrain", job.master())) {
      PretrainResult r = PretrainRun.run(spark, cfg, Progress.to(System.out));
      System.out.println(r);
    }
    return 0;
  }
}
