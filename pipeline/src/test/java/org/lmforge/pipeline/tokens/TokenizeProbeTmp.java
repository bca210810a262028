package org.lmforge.pipeline.tokens;

import java.lang.management.ManagementFactory;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lmforge.dataprep.tokenize.DocSplit;

public final class TokenizeProbeTmp {
  static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
  }
  public static void main(String[] a) {
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    TokenizeConfig cfg = TokenizeConfig.defaults(java.util.List.of("/tmp/tokenize-bench/clean"), "/tmp/x");
    for (int round = 0; round < 2; round++) {
      long c = cpu();
      Dataset<Row> docs = TokenizeStage.readDocuments(spark, cfg);
      long n = docs.javaRDD().map(r -> (long) r.getString(1).getBytes(java.nio.charset.StandardCharsets.UTF_8).length).reduce(Long::sum);
      long c1 = cpu();
      int d = PreTokenCounts.count(docs, new DocSplit(0.005, 0), 1.0).size();
      long c2 = cpu();
      long t = TokenizeStage.ordered(docs, 8).javaRDD().map(r -> (long) r.getString(1).length()).reduce(Long::sum);
      long c3 = cpu();
      System.out.printf("round %d: read+utf8 %d ms CPU (%d bytes); count %d ms CPU (%d distinct); read+repartition+sort %d ms CPU%n",
          round, c1 - c, n, c2 - c1, d, c3 - c2);
    }
    spark.stop();
  }
}
