package org.lmforge.jobs;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What the clean job reads: crawl files, or else the embedded sample of so many pages. Shared by
 * {@code clean} and its benchmark, so both read the same input from the same options.
 */
public class CleanInputs {
  @Option(
      names = "--input",
      arity = "1..*", // --input crawl/*.warc.gz: the shell's expansion is one option's values
      paramLabel = "PATH",
      description =
          "Crawl files, directories or globs (repeatable; several after one --input). "
              + "Without any, the embedded Europarl sample WARC is written and used.")
  @Replaces("inputs")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = "--sample-pages",
      paramLabel = "N|all",
      description =
          "Pages in the embedded sample WARC, "
              + "or 'all' (17,597); replaces clean.sample.pages (default 2000).")
  String samplePages;

  /** These options as a command line, to give the clean command the same input. */
  public List<String> args() {
    List<String> args = new ArrayList<>();
    inputs.forEach(i -> args.addAll(List.of("--input", i)));
    if (samplePages != null) args.addAll(List.of("--sample-pages", samplePages));
    return args;
  }
}
