package org.lmforge.pipeline.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.lmforge.config.LocalFiles;
import org.lmforge.dataprep.extract.HtmlDirExtractor;
import org.lmforge.pipeline.io.AtomicFile;
import org.lmforge.pipeline.job.DriverJob;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.job.UserError;

/**
 * The extract-html command's job: the main text of every {@code *.html} / {@code *.html.gz} page
 * under a directory, one JSON line per page ({@link HtmlDirExtractor}), the file written whole or
 * not at all. On the driver alone.
 */
public final class ExtractHtmlJob
    extends DriverJob<ExtractHtmlJob.Config, HtmlDirExtractor.Result> {
  /**
   * @param input a directory of pages
   * @param output the JSON-lines file
   */
  public record Config(Path input, Path output) {}

  private static final String UNREADABLE_FIX =
      "a .gz file must be gzip-compressed; re-compress or remove it";

  public ExtractHtmlJob(Config cfg) {
    super("extract-html", cfg, Config::output);
  }

  @Override
  public void check(Configuration hadoop) throws IOException {
    Path input = cfg.input();
    String fix = "give a directory holding *.html or *.html.gz files";
    UserError.requireExists(input, "directory", fix);
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
    AtomicFile.requireFileTarget(cfg.output(), "the", "extracted.jsonl", pages);
  }

  @Override
  public HtmlDirExtractor.Result run(SparkSession spark, Progress progress) throws IOException {
    HtmlDirExtractor.Result[] r = {null};
    LocalFiles.replace( // written whole or not at all
        cfg.output(),
        tmp -> {
          r[0] = HtmlDirExtractor.run(cfg.input(), tmp);
          if (r[0].written() == 0) {
            throw UserError.of(
                "no page under " + cfg.input() + " could be read:",
                String.join("; ", r[0].skipped()),
                UNREADABLE_FIX);
          }
        });
    progress.line("extracted " + r[0].written() + " files to " + cfg.output());
    if (!r[0].skipped().isEmpty()) { // reported with the result: the other pages are written
      progress.line("skipped " + r[0].skipped().size() + " unreadable (" + UNREADABLE_FIX + "):");
      r[0].skipped().forEach(s -> progress.line("  " + s));
    }
    return r[0];
  }

  /** The pages under {@code dir}: what the job reads. */
  private static Path[] pages(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).filter(ExtractHtmlJob::isHtml).toArray(Path[]::new);
    }
  }

  private static boolean isHtml(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".html") || n.endsWith(".html.gz");
  }
}
