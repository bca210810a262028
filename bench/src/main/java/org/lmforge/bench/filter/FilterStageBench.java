package org.lmforge.bench.filter;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lmforge.bench.BenchArgs;
import org.lmforge.dataprep.filter.FilterChain;
import org.lmforge.dataprep.filter.Filters;
import org.lmforge.dataprep.filter.FiltersConfig;
import org.lmforge.pipeline.clean.CleanSchema;
import org.lmforge.pipeline.filter.FilterCorpus;
import org.lmforge.pipeline.filter.FilterStage;
import org.lmforge.pipeline.filter.FilterStats;
import org.lmforge.pipeline.job.Sessions;

/**
 * Throughput of the filter stage against the plain chain on the same documents: extraction-dev
 * pages (main text by the dataprep extractor) and Europarl, the test chain (defaults + URL word
 * lists + bad words). Args: pages europarl rounds partitions. Round 0 warms up the JIT; the last
 * round is reported.
 */
public final class FilterStageBench {
  public static void main(String[] args) {
    int pages = BenchArgs.intAt(args, 0, 990);
    int europarl = BenchArgs.intAt(args, 1, 990);
    int rounds = BenchArgs.intAt(args, 2, 3);
    int partitions = BenchArgs.intAt(args, 3, 2);
    FiltersConfig cfg = FilterCorpus.config();
    List<Row> rows = FilterCorpus.rows(pages, europarl);
    long chars = rows.stream().mapToLong(r -> r.getString(7).length()).sum();
    System.out.printf(
        "docs: %d (%d pages, %d europarl), %.0f chars/doc, chain %s%n",
        rows.size(),
        rows.size() - Math.min(europarl, rows.size()),
        Math.min(europarl, rows.size()),
        chars / (double) rows.size(),
        cfg.enabled());

    try (SparkSession spark = Sessions.create("filter-stage-bench", "local[" + partitions + "]")) {
      spark.sparkContext().setLogLevel("WARN");
      Dataset<Row> in =
          spark.createDataFrame(rows, CleanSchema.SCHEMA).repartition(partitions).cache();
      in.count();
      double chainDocsPerS = 0;
      double stageDocsPerS = 0;
      FilterStats stats = null;
      for (int r = 0; r < rounds; r++) {
        FilterChain chain = Filters.chain(cfg);
        long t0 = System.nanoTime();
        long kept = 0;
        for (Row row : rows) {
          if (!FilterCorpus.preDropped(row)) {
            kept += chain.apply(FilterCorpus.doc(row), FilterCorpus.robots(row)).kept() ? 1 : 0;
          }
        }
        chainDocsPerS = rows.size() / ((System.nanoTime() - t0) / 1e9);

        long t1 = System.nanoTime();
        Dataset<Row> out = FilterStage.apply(in, cfg).cache();
        long n = out.count();
        stageDocsPerS = n / ((System.nanoTime() - t1) / 1e9);
        long t2 = System.nanoTime();
        stats = FilterStats.compute(out, cfg.enabled());
        double statsS = (System.nanoTime() - t2) / 1e9;
        out.unpersist();
        System.out.printf(
            "round %d: chain 1 thread %.0f docs/s (kept %d); stage local[%d] %.0f docs/s; "
                + "stats %.2f s%n",
            r, chainDocsPerS, kept, partitions, stageDocsPerS, statsS);
      }
      System.out.printf(
          "stage / chain throughput: %.2f (%d partitions)%n",
          stageDocsPerS / chainDocsPerS, partitions);
      System.out.print(stats.formatDropTable());
      System.out.println("edit items: " + stats.editItems());
    }
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      peak += p.getPeakUsage().getUsed();
    }
    System.out.printf(
        "peak memory (sum of pool peaks): %d MiB, heap now %d MiB%n",
        peak >> 20, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
  }
}
