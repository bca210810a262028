package org.lmforge.pipeline;

import org.apache.spark.sql.SparkSession;

/** Creates Spark sessions the same way for jobs and tests. */
public final class Sessions {
  private Sessions() {}

  /**
   * A session for a job. With {@code master == null} the master comes from spark-submit; otherwise (the
   * launcher, tests) the given one, e.g. {@code local[*]} or {@code spark://127.0.0.1:7077}.
   */
  public static SparkSession create(String appName, String master) {
    SparkSession.Builder b = SparkSession.builder().appName(appName);
    if (master != null && !master.isBlank()) {
      b = b.master(master);
    }
    return b.config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.parquet.compression.codec", "zstd")
        .getOrCreate();
  }

  /** A small local session for tests: 2 threads, few shuffle partitions, no UI. */
  public static SparkSession localForTests(String appName) {
    return SparkSession.builder().appName(appName).master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }
}
