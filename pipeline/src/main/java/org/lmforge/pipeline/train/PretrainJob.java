package org.lmforge.pipeline.train;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.lmforge.pipeline.cluster.GpuSlots;
import org.lmforge.pipeline.io.AtomicOutput;
import org.lmforge.pipeline.job.ConfiguredJob;
import org.lmforge.pipeline.job.Progress;

/**
 * {@code pipeline pretrain}: data-parallel GPT pretraining on token shards, one Spark job per step
 * ({@link PretrainRun}).
 */
public final class PretrainJob extends ConfiguredJob<PretrainConfig, PretrainResult> {

  public PretrainJob(PretrainConfig cfg) {
    super("pretrain", cfg, PretrainConfig::output);
  }

  /**
   * The token shards, the run directory (new, resumed or overwritten) and the GPU settings
   * spark-submit passed ({@code --conf} and {@code -Dspark.*}; Spark itself rejects some only
   * later), before any Spark work.
   */
  @Override
  public void check(Configuration hadoop) throws IOException {
    AtomicOutput.checkPlace(cfg.output(), List.of(cfg.tokens()), hadoop, "pretrain.output");
    PretrainInputs.check(cfg.tokens(), hadoop);
    PretrainInputs.checkOutput(cfg.output(), cfg.resume(), cfg.overwrite(), hadoop);
    GpuSlots.checkSettings(new SparkConf());
  }

  @Override
  public boolean complete(Configuration hadoop) throws IOException {
    return AtomicOutput.isComplete(cfg.output(), hadoop);
  }

  @Override
  public PretrainResult run(SparkSession spark, Progress progress) throws IOException {
    PretrainResult r = PretrainRun.run(spark, cfg, progress);
    r.summary().lines().forEach(progress::line);
    return r;
  }
}
