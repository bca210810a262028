package org.lmforge.jobs;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.lmforge.pipeline.Sessions;
import org.lmforge.pipeline.clean.filter.SampleListing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pipeline show-docs}: a sample of kept or dropped documents of a clean output, to audit rules. */
@Command(name = "show-docs", mixinStandardHelpOptions = true,
    description = "List a sample of kept or dropped documents (dropped ones need --keep-dropped at clean time).")
public final class ShowDocsCommand implements Callable<Integer> {
  @Mixin JobOptions job = new JobOptions();

  @Option(names = "--input", defaultValue = "work/clean", description = "A clean output directory.")
  String input;

  @Option(names = "--select", defaultValue = "kept",
      description = "kept, dropped, a stage/filter (c4) or a reason (c4.too_few_sentences).")
  String select;

  @Option(names = "-n", defaultValue = "10") int n;

  @Override
  public Integer call() {
    try (SparkSession spark = Sessions.create("lmforge-show-docs", job.master())) {
      SampleListing.print(spark, input, select, n, System.out);
    }
    return 0;
  }
}
