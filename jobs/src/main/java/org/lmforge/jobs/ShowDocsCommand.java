package org.lmforge.jobs;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.lmforge.pipeline.clean.CleanOutput;
import org.lmforge.pipeline.filter.SampleListing;
import org.lmforge.pipeline.io.HadoopConf;
import org.lmforge.pipeline.job.Sessions;
import org.lmforge.pipeline.job.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pipeline show-docs}: a sample of kept or dropped documents of a clean output, to audit
 * rules.
 */
@Command(
    name = "show-docs",
    description =
        "List a sample of kept or dropped documents (dropped ones need --keep-dropped at clean time).")
public final class ShowDocsCommand implements Callable<Integer> {
  @Mixin MasterOption cluster = new MasterOption(); // reads no settings: no --conf/--config

  @Option(names = "--input", defaultValue = "work/clean", description = "A clean output directory.")
  String input;

  @Option(
      names = "--select",
      defaultValue = "kept",
      description = "kept, dropped, a stage/filter (c4) or a reason (c4.too_few_sentences).")
  String select;

  @Option(names = "-n", defaultValue = "10", paramLabel = "N", description = "Documents to list.")
  int n;

  @Override
  public Integer call() throws java.io.IOException {
    if (n < 0) {
      throw new UserError(
          "-n " + n + ": give the number of documents to list (>= 0)"); // before Spark starts
    }
    String docs = CleanOutput.documents(input, HadoopConf.beforeSession());
    if (docs == null) {
      System.out.println(
          "no documents in "
              + input
              + ": the clean job kept and dropped none; its stats.json and "
              + "quarantine/ say why");
      return 0;
    }
    try (SparkSession spark = Sessions.create("lmforge-show-docs", cluster.master())) {
      SampleListing.print(spark, docs, select, n, System.out);
    }
    return 0;
  }
}
