package org.lmforge.jobs;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lmforge.pipeline.extract.ExtractHtmlJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pipeline extract-html}: the main-text extractor alone, on a directory of HTML files
 * ({@link ExtractHtmlJob}).
 */
@Command(
    name = "extract-html",
    description =
        "Extract main text from every *.html / *.html.gz under a directory to JSON lines.")
public final class ExtractHtmlCommand implements Callable<Integer> {
  @Option(names = "--input", required = true, paramLabel = "DIR", description = "Page directory.")
  Path input;

  @Option(names = "--output", required = true, paramLabel = "FILE.jsonl", description = "Texts.")
  Path output;

  @Override
  public Integer call() throws Exception {
    Launch.run("extract-html", null, new ExtractHtmlJob(new ExtractHtmlJob.Config(input, output)));
    return 0;
  }
}
