package org.lmforge.jobs;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lmforge.dataprep.extract.HtmlDirExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pipeline extract-html}: the main-text extractor alone, on a directory of HTML files. */
@Command(name = "extract-html", mixinStandardHelpOptions = true,
    description = "Extract main text from every *.html / *.html.gz under a directory to JSON lines.")
public final class ExtractHtmlCommand implements Callable<Integer> {
  @Option(names = "--input", required = true, paramLabel = "DIR") Path input;

  @Option(names = "--output", required = true, paramLabel = "FILE.jsonl") Path output;

  @Override
  public Integer call() throws Exception {
    if (!java.nio.file.Files.isDirectory(input)) {
      throw new IllegalArgumentException("--input " + input + " is not a directory");
    }
    int n = HtmlDirExtractor.run(input, output);
    System.out.println("extracted " + n + " files to " + output);
    return 0;
  }
}
