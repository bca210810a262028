package org.lmforge.jobs;

import picocli.CommandLine.Option;

/** Options every Spark job takes: the settings options and the Spark master. */
public final class JobOptions extends ConfOptions {
  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master; default: the one spark-submit sets, else local[*].")
  public String master;

  /** The master to set: the option, else local[*] unless spark-submit already chose one. */
  public String master() {
    return masterOr(master);
  }

  /**
   * The given master, else none when spark-submit chose one (spark.master is set), else local[*].
   */
  static String masterOr(String given) {
    if (given != null) {
      return given;
    }
    return System.getProperty("spark.master") == null ? "local[*]" : null;
  }
}
