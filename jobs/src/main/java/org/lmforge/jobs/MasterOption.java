package org.lmforge.jobs;

import picocli.CommandLine.Option;

/**
 * {@code --master}: part of every job's options ({@link JobOptions}), and alone for a command that
 * starts Spark but has no settings to read from conf/ (show-docs, doctor, eval): offering
 * --conf/--config there would accept settings and ignore them.
 */
final class MasterOption {
  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master; default: the one spark-submit sets, else local[*].")
  String master;

  /**
   * The master to set: the option, else none when spark-submit chose one (spark.master is set),
   * else local[*].
   */
  String master() {
    if (master != null) {
      return master;
    }
    return System.getProperty("spark.master") == null ? "local[*]" : null;
  }
}
