package org.lmforge.pipeline;

import org.apache.spark.sql.SparkSession;

/**
 * Spark sessions for tests and benchmarks (the jobs module's tests get it through pipeline's
 * test-jar).
 */
public final class TestSessions {
  private TestSessions() {}

  /**
   * A small local session: 2 threads, few shuffle partitions, no UI, bound to the loopback address.
   */
  public static SparkSession local(String appName) {
    return SparkSession.builder()
        .appName(appName)
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }
}
