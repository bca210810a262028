package org.lmforge.jobs;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every Spark job takes. */
public final class JobOptions {
  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description = "Override a configuration key, e.g. --conf clean.output=/tmp/out (repeatable).")
  public List<String> overrides = new ArrayList<>();

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A HOCON file with overrides of the defaults.")
  public String configFile;

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
