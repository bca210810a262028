package org.lmforge.jobs;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lmforge.pipeline.sample.SampleWarcJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pipeline sample-warc}: writes the embedded default input (Europarl pages in a real WARC).
 * The file is the same byte for byte for the same --pages and --seed ({@link SampleWarcJob}).
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
    int n = SampleWarcJob.pages("--pages", pages);
    Launch.run("sample-warc", null, new SampleWarcJob(new SampleWarcJob.Config(output, n, seed)));
    return 0;
  }
}
