package org.lmforge.jobs;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lmforge.dataprep.sample.SampleWarcWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pipeline sample-warc}: writes the embedded default input (Europarl pages in a real WARC). */
@Command(name = "sample-warc", mixinStandardHelpOptions = true,
    description = "Write a WARC (gzip per record) of HTML pages carrying Europarl debates.")
public final class SampleWarcCommand implements Callable<Integer> {
  @Option(names = "--output", required = true, paramLabel = "FILE.warc.gz") Path output;

  @Option(names = "--pages", defaultValue = "2000") int pages;

  @Option(names = "--seed", defaultValue = "42") long seed;

  @Override
  public Integer call() throws Exception {
    int n = SampleWarcWriter.write(output, pages, seed);
    System.out.println("wrote " + n + " records to " + output);
    return 0;
  }
}
