package org.lmforge.pipeline.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.lmforge.dataprep.sample.SampleWarcWriter;
import org.lmforge.pipeline.io.AtomicFile;
import org.lmforge.pipeline.job.DriverJob;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.job.UserError;

/**
 * The sample-warc command's job: writes the embedded default input, Europarl debates as HTML pages
 * in a real WARC ({@link SampleWarcWriter}), the same bytes for the same pages and seed, the file
 * whole or not at all. On the driver alone.
 */
public final class SampleWarcJob extends DriverJob<SampleWarcJob.Config, Integer> {
  /**
   * @param output the WARC file
   * @param pages pages to write ({@link SampleWarcWriter#ALL} for all)
   * @param seed seeds the pages' random parts
   */
  public record Config(Path output, int pages, long seed) {}

  public SampleWarcJob(Config cfg) {
    super("sample-warc", cfg, Config::output);
  }

  /** A page count as {@code option} gives it (a number, 0 or 'all'); a bad one is a user error. */
  public static int pages(String option, String pages) {
    try {
      return SampleWarcWriter.parsePages(pages);
    } catch (IllegalArgumentException e) {
      throw new UserError(option + ": " + e.getMessage());
    }
  }

  @Override
  public void check(Configuration hadoop) throws IOException {
    AtomicFile.requireFileTarget(cfg.output(), "the sample's", "sample.warc.gz");
  }

  /** The records written. */
  @Override
  public Integer run(SparkSession spark, Progress progress) throws IOException {
    long t0 = System.nanoTime();
    int records = SampleWarcWriter.write(cfg.output(), cfg.pages(), cfg.seed());
    progress.printf(
        "wrote %d records (%.1f MB) to %s in %.1f s",
        records, Files.size(cfg.output()) / 1e6, cfg.output(), (System.nanoTime() - t0) / 1e9);
    return records;
  }
}
