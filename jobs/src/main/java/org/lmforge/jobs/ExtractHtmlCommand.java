package org.lmforge.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.lmforge.config.LocalFiles;
import org.lmforge.dataprep.extract.HtmlDirExtractor;
import org.lmforge.pipeline.io.AtomicFile;
import org.lmforge.pipeline.job.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pipeline extract-html}: the main-text extractor alone, on a directory of HTML files. */
@Command(
    name = "extract-html",
    description =
        "Extract main text from every *.html / *.html.gz under a directory to JSON lines.")
public final class ExtractHtmlCommand implements Callable<Integer> {
  @Option(names = "--input", required = true, paramLabel = "DIR", description = "Page directory.")
  Path input;

  @Option(names = "--output", required = true, paramLabel = "FILE.jsonl", description = "Texts.")
  Path output;

  private static final String UNREADABLE_FIX =
      "a .gz file must be gzip-compressed; re-compress or remove it";

  @Override
  public Integer call() throws Exception {
    Path[] pages = checkInput(input);
    AtomicFile.requireFileTarget(output, "the", "extracted.jsonl", pages);
    HtmlDirExtractor.Result[] r = {null};
    LocalFiles.replace( // written whole or not at all
        output,
        tmp -> {
          r[0] = HtmlDirExtractor.run(input, tmp);
          if (r[0].written() == 0) {
            throw UserError.of(
                "no page under " + input + " could be read:",
                String.join("; ", r[0].skipped()),
                UNREADABLE_FIX);
          }
        });
    System.out.println("extracted " + r[0].written() + " files to " + output);
    if (!r[0].skipped().isEmpty()) { // reported with the result: the other pages are written
      System.out.println(
          "skipped " + r[0].skipped().size() + " unreadable (" + UNREADABLE_FIX + "):");
      r[0].skipped().forEach(s -> System.out.println("  " + s));
    }
    return 0;
  }

  /** The pages under {@code input}, which must be a directory holding some. */
  private static Path[] checkInput(Path input) throws IOException {
    String fix = "give a directory holding *.html or *.html.gz files";
    if (!Files.exists(input)) {
      throw UserError.of("no such directory:", input.toString(), fix);
    }
    if (!Files.isDirectory(input)) {
      throw UserError.of(
          "not a directory:",
          input + " is a file",
          isHtml(input)
              ? "pass the directory it is in: --input " + input.toAbsolutePath().getParent()
              : fix);
    }
    Path[] pages = pages(input);
    if (pages.length == 0) {
      throw UserError.of("no *.html or *.html.gz file under", input.toString(), fix);
    }
    return pages;
  }

  /** The pages under {@code dir}: what the command reads. */
  private static Path[] pages(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(ExtractHtmlCommand::isHtml)
          .toArray(Path[]::new);
    }
  }

  private static boolean isHtml(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".html") || n.endsWith(".html.gz");
  }
}
