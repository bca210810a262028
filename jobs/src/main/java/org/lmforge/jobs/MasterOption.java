package org.lmforge.jobs;

import picocli.CommandLine.Option;

/**
 * {@code --master} alone, for a command that starts Spark but has no settings to read from conf/
 * (show-docs, doctor, eval): offering --conf/--config there would accept settings and ignore them.
 */
final class MasterOption {
  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master; default: the one spark-submit sets, else local[*].")
  String master;

  /** The master to set: the option, else local[*] unless spark-submit already chose one. */
  String master() {
    return JobOptions.masterOr(master);
  }
}
