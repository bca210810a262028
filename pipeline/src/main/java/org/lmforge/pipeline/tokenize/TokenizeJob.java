package org.lmforge.pipeline.tokenize;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.lmforge.pipeline.io.AtomicOutput;
import org.lmforge.pipeline.job.ConfiguredJob;
import org.lmforge.pipeline.job.Progress;

/**
 * {@code pipeline tokenize}: train or load a byte-level BPE tokenizer and write token shards
 * ({@link TokenizeStage}).
 */
public final class TokenizeJob extends ConfiguredJob<TokenizeConfig, TokenizeResult> {

  public TokenizeJob(TokenizeConfig cfg) {
    super("tokenize", cfg, TokenizeConfig::output);
  }

  @Override
  public TokenizeJob replacingOutput() {
    return new TokenizeJob(cfg.withOverwrite(true));
  }

  @Override
  public Object settings() {
    return cfg;
  }

  /**
   * Wrong-kind input, a tokenizer to load that is not there, an existing output: before any Spark
   * work.
   */
  @Override
  public void check(Configuration hadoop) throws IOException {
    TokenizeInputs.check(cfg, hadoop);
  }

  /**
   * The completion marker; or, for an output written before the marker existed, its manifest
   * (written last, just before the rename into place), so that such an output is kept rather than
   * refused as "already exists".
   */
  @Override
  public boolean complete(Configuration hadoop) throws IOException {
    Path out = new Path(cfg.output());
    FileSystem fs = out.getFileSystem(hadoop);
    return AtomicOutput.isComplete(fs, out) || fs.exists(new Path(out, ShardFiles.MANIFEST));
  }

  @Override
  public TokenizeResult run(SparkSession spark, Progress progress) throws IOException {
    TokenizeResult r = TokenizeStage.run(spark, cfg, progress);
    r.summary().lines().forEach(progress::line);
    progress.line("shards and manifest: " + cfg.output() + "/" + ShardFiles.MANIFEST);
    return r;
  }
}
