package org.lmforge.pipeline;

import org.apache.spark.sql.SparkSession;

/** Creates the Spark session of a job (tests: TestSessions, in pipeline's test-jar). */
public final class Sessions {
  private Sessions() {}

  /**
   * A session for a job. With {@code master == null} the master comes from spark-submit; otherwise
   * (the launcher, tests) the given one, e.g. {@code local[*]} or {@code spark://127.0.0.1:7077}.
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
}
