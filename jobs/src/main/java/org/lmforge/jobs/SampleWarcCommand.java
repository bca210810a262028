package org.lmforge.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lmforge.dataprep.sample.SampleWarcWriter;
import org.lmforge.pipeline.io.AtomicFile;
import org.lmforge.pipeline.job.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pipeline sample-warc}: writes the embedded default input (Europarl pages in a real WARC).
 * The file is the same byte for byte for the same --pages and --seed.
 */
@Command(
    name = "sample-warc",
    description =
        "Write a WARC (gzip per record) of HTML pages carrying Europarl debates; the same bytes "
            + "for the same --pages and --seed.")
public final class SampleWarcCommand implements Callable<Integer> {
  @Option(names = "--output", required = true, paramLabel = "FILE.warc.gz", description = "File.")
  Path output;

  @Option(
      names = "--pages",
      defaultValue = "2000",
      paramLabel = "N|all",
      description =
          "Pages (Europarl debates) to write; 'all' or 0: all 17,597 (default ${DEFAULT-VALUE}).")
  String pages;

  @Option(names = "--seed", defaultValue = "42", description = "Seeds the pages' random parts.")
  long seed;

  @Override
  public Integer call() throws Exception {
    int n = parsePages("--pages", pages);
    AtomicFile.requireFileTarget(output, "the sample's", "sample.warc.gz");
    long t0 = System.nanoTime();
    int records = SampleWarcWriter.write(output, n, seed);
    System.out.printf(
        "wrote %d records (%.1f MB) to %s in %.1f s%n",
        records, Files.size(output) / 1e6, output, (System.nanoTime() - t0) / 1e9);
    return 0;
  }

  /** A page count as {@code option} gives it (a number or 'all'); a bad one is a user error. */
  static int parsePages(String option, String pages) {
    try {
      return SampleWarcWriter.parsePages(pages);
    } catch (IllegalArgumentException e) {
      throw new UserError(option + ": " + e.getMessage());
    }
  }
}
