package org.lmforge.pipeline.job;

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
    b =
        b.config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.parquet.compression.codec", "zstd");
    try {
      return b.getOrCreate();
    } catch (Exception e) { // Scala throws SparkException, a checked exception, undeclared
      String m = String.valueOf(e.getMessage());
      // Spark's words for a master it cannot use: yarn, k8s://... need Spark's YARN or Kubernetes
      // module, which a cluster's spark-submit has and this launcher's jar does not; local[0]
      if (m.startsWith("Could not parse Master URL") || m.startsWith("Asked to run locally with")) {
        throw UserError.of(
            "this Spark cannot use the master",
            "'" + master + "' (--master): " + m,
            "run locally with local[N], on a standalone cluster with spark://HOST:7077, or on YARN"
                + " and Kubernetes through your cluster's spark-submit with the jobs jar (README,"
                + " Running on a cluster)");
      }
      if (e instanceof RuntimeException r) throw r;
      throw new IllegalStateException("cannot start Spark: " + e.getMessage(), e);
    }
  }
}
