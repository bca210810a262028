package org.lmforge.pipeline.filter;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.lmforge.pipeline.clean.CleanOutput;
import org.lmforge.pipeline.job.ConfiguredJob;
import org.lmforge.pipeline.job.Progress;

/**
 * The show-docs command's job: a sample of kept or dropped documents of a clean output ({@link
 * SampleListing}), to audit the rules. Spark starts only when the output holds documents.
 *
 * @see SampleListing#print
 */
public final class ShowDocsJob extends ConfiguredJob<ShowDocsJob.Config, Integer> {
  /**
   * @param input a clean output directory
   * @param select kept, dropped, a filter (c4) or a reason (c4.too_few_sentences)
   * @param n documents to list
   */
  public record Config(String input, String select, int n) {}

  private String documents; // what check found to read; null when the clean job wrote none
  private boolean checked;

  public ShowDocsJob(Config cfg) {
    super("show-docs", cfg);
  }

  @Override
  public void check(Configuration hadoop) throws IOException {
    SampleListing.requireCount(cfg.n()); // before any Spark work
    documents = CleanOutput.documents(cfg.input(), hadoop);
    checked = true;
  }

  @Override
  public boolean needsSpark() {
    return documents != null;
  }

  /** The number of documents listed. */
  @Override
  public Integer run(SparkSession spark, Progress progress) throws IOException {
    if (!checked) {
      check(spark != null ? spark.sparkContext().hadoopConfiguration() : new Configuration());
    }
    if (documents == null) {
      progress.line(
          "no documents in "
              + cfg.input()
              + ": the clean job kept and dropped none; its stats.json and quarantine/ say why");
      return 0;
    }
    return SampleListing.print(spark, documents, cfg.select(), cfg.n(), progress);
  }
}
