package org.lmforge.jobs;

import picocli.CommandLine.Option;

/** {@code --output}: the directory a job command writes, one declaration for all four. */
final class OutputOption {
  @Option(names = "--output", paramLabel = "DIR", description = "Output directory.")
  @Replaces("output")
  String output;
}
