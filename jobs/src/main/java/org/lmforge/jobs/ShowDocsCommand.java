package org.lmforge.jobs;

import java.util.concurrent.Callable;
import org.lmforge.pipeline.filter.ShowDocsJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pipeline show-docs}: a sample of kept or dropped documents of a clean output, to audit
 * rules ({@link ShowDocsJob}).
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
  public Integer call() throws Exception {
    Launch.run(
        "show-docs", cluster.master(), new ShowDocsJob(new ShowDocsJob.Config(input, select, n)));
    return 0;
  }
}
