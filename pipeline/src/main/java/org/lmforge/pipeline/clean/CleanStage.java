package org.lmforge.pipeline.clean;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.lmforge.dataprep.filter.Filters;
import org.lmforge.pipeline.clean.IngestStage.ItemColumn;
import org.lmforge.pipeline.dedup.DedupStage;
import org.lmforge.pipeline.filter.FilterStage;
import org.lmforge.pipeline.filter.FilterStats;
import org.lmforge.pipeline.io.AtomicOutput;
import org.lmforge.pipeline.io.InputFiles;
import org.lmforge.pipeline.io.InputFiles.InputFile;
import org.lmforge.pipeline.job.UserError;

/**
 * The clean job: crawl files to a clean corpus. ingest (read, extract, language) → filters → dedupe
 * → write, all into a staging directory that is committed at the end:
 *
 * <pre>
 *   OUTPUT/docs/language=xx/part-*.parquet   kept documents (zstd)
 *   OUTPUT/rejected/drop_filter=x/...        dropped documents with their reason, PII redacted (keepDropped)
 *   OUTPUT/quarantine/                       records that could not be processed: file, offset, reason,
 *                                            a short redacted excerpt of the detail
 *   OUTPUT/dedup-clusters/                   near-duplicate clusters (id, size, members)
 *   OUTPUT/stats.json, OUTPUT/_COMPLETE
 * </pre>
 */
public final class CleanStage {
  private CleanStage() {}

  public record Result(String output, CleanStats stats) {}

  /**
   * The filter settings and list/model files, before Spark (a user's mistake there is a {@link
   * UserError}).
   */
  public static void checkFilters(CleanConfig cfg) {
    UserError.fromIllegalArgument(
        () -> Filters.chain(cfg.filters())); // loaded once per JVM: the tasks reuse it
  }

  /**
   * Checks the settings, inputs and output before any Spark work: the filter chain builds (known
   * names, sane thresholds, list and model files that load; a task would otherwise fail on them),
   * every input pattern matches something, and the output is absent (or overwrite is set).
   *
   * @throws UserError naming the key, input or output and the fix
   */
  public static void check(CleanConfig cfg, Configuration hadoop) throws IOException {
    checkFilters(cfg);
    NotCrawlInput.refuseJobOutputs(
        InputFiles.checkMatches(cfg.inputs(), hadoop, "clean.inputs"), hadoop);
    AtomicOutput.check(cfg.output(), cfg.overwrite(), hadoop, "clean.output", cfg.inputs());
  }

  public static Result run(SparkSession spark, CleanConfig cfg) throws IOException {
    Instant start = Instant.now();
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    InputFiles.Listing listing = InputFiles.list(cfg.inputs(), hadoop, "clean.inputs");
    List<InputFile> files = listing.files();
    // closing it on any failure (also Spark's checked, undeclared SparkException) removes the
    // staging directory; after the commit it only gives up the job's claim
    try (AtomicOutput out =
        AtomicOutput.begin(cfg.output(), cfg.overwrite(), hadoop, "clean.output")) {
      Dataset<Row> items =
          IngestStage.items(spark, files, listing.emptyDirectories(), cfg.ingest())
              .persist(StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> pages = IngestStage.pages(items);
      if (pages.isEmpty()) {
        // Nothing to filter (every input quarantined or skipped): the same stages over an empty
        // local table write an empty but valid output without launching Spark jobs over nothing.
        pages = spark.createDataFrame(List.of(), pages.schema());
      }
      Dataset<Row> filtered =
          FilterStage.apply(pages, cfg.filters()).persist(StorageLevel.MEMORY_AND_DISK());
      DedupStage.Result dedup = DedupStage.run(filtered, cfg.dedup());
      Dataset<Row> docs = dedup.docs().persist(StorageLevel.MEMORY_AND_DISK());

      spark.sparkContext().setJobDescription("clean: write kept documents");
      docs.filter(col(CleanSchema.DROP_FILTER).isNull())
          .drop(CleanSchema.DROP_FILTER, CleanSchema.DROP_REASON)
          .repartition(col(CleanSchema.LANGUAGE))
          .sortWithinPartitions(CleanSchema.ID)
          .write()
          .mode(SaveMode.ErrorIfExists)
          .partitionBy(CleanSchema.LANGUAGE)
          .parquet(out.path(CleanOutput.DOCS));
      if (cfg.keepDropped()) {
        spark.sparkContext().setJobDescription("clean: write dropped documents");
        Redaction.rejected(docs.filter(col(CleanSchema.DROP_FILTER).isNotNull()), cfg.filters())
            .write()
            .partitionBy(CleanSchema.DROP_FILTER)
            .parquet(out.path(CleanOutput.REJECTED));
      }
      spark.sparkContext().setJobDescription("clean: write quarantine and clusters");
      Redaction.quarantine(IngestStage.quarantine(items), cfg.filters())
          .coalesce(1)
          .sortWithinPartitions(CleanSchema.SOURCE_FILE, CleanSchema.RECORD_OFFSET) // any cores
          .write()
          .parquet(out.path(CleanOutput.QUARANTINE));
      dedup.clusters().write().parquet(out.path(CleanOutput.DEDUP_CLUSTERS));

      spark.sparkContext().setJobDescription("clean: statistics");
      CleanStats stats = stats(items, filtered, docs, cfg, files, out.finalPath(), start);
      out.writeString(CleanOutput.STATS, stats.toJson());
      out.commit();
      items.unpersist();
      filtered.unpersist();
      docs.unpersist();
      return new Result(out.finalPath(), stats);
    }
  }

  private static CleanStats stats(
      Dataset<Row> items,
      Dataset<Row> filtered,
      Dataset<Row> docs,
      CleanConfig cfg,
      List<InputFile> files,
      String output,
      Instant start) {
    Map<String, Long> byType = new TreeMap<>();
    Map<String, Long> skipped = new TreeMap<>();
    Map<String, Long> quarantined = new TreeMap<>();
    Map<String, Long> warnings = new TreeMap<>();
    Map<String, Long> ingestDrops = new TreeMap<>();
    long records = 0;
    long pages = 0;
    for (Row r :
        items
            .groupBy(
                ItemColumn.KIND.col(),
                ItemColumn.REASON.col(),
                ItemColumn.WARNING.col(),
                coalesce(ItemColumn.WARC_TYPE.col(), lit("(none)")).as("t"))
            .agg(count(lit(1)))
            .collectAsList()) {
      IngestStage.Kind kind = IngestStage.Kind.valueOf(r.getString(0));
      String reason = r.getString(1);
      String warning = r.getString(2);
      long n = r.getLong(4);
      records += n;
      byType.merge(r.getString(3), n, Long::sum);
      switch (kind) {
        case SKIPPED -> skipped.merge(reason, n, Long::sum);
        case QUARANTINED -> quarantined.merge(reason, n, Long::sum);
        case PAGE -> {
          pages += n;
          if (reason != null) {
            ingestDrops.merge(reason, n, Long::sum);
          }
        }
      }
      if (warning != null) {
        warnings.merge(warning, n, Long::sum);
      }
    }
    // No page at all (every input quarantined or skipped): the filter sums over zero rows would be
    // null.
    FilterStats filterStats =
        pages == 0
            ? noFilterStats(cfg.filters().enabled())
            : FilterStats.compute(filtered, cfg.filters().enabled());
    Map<String, Long> dedupCounters = DedupStage.counters(docs);

    Dataset<Row> kept = docs.filter(col(CleanSchema.DROP_FILTER).isNull());
    Row totals =
        kept.agg(
                count(lit(1)),
                sum(col(CleanSchema.TEXT_LENGTH)),
                sum(octet_length(col(CleanSchema.TEXT))))
            .first();
    Map<String, Long> byLanguage = new TreeMap<>();
    for (Row r : kept.groupBy(CleanSchema.LANGUAGE).count().collectAsList()) {
      byLanguage.put(r.getString(0), r.getLong(1));
    }
    List<CleanStats.DropRow> dropTable = new ArrayList<>();
    for (Row r :
        docs.filter(col(CleanSchema.DROP_FILTER).isNotNull())
            .groupBy(CleanSchema.DROP_FILTER, CleanSchema.DROP_REASON)
            .count()
            .orderBy(col("count").desc(), col(CleanSchema.DROP_REASON))
            .collectAsList()) {
      dropTable.add(new CleanStats.DropRow(r.getString(0), r.getString(1), r.getLong(2)));
    }
    long inputBytes = files.stream().mapToLong(InputFile::bytes).sum();
    double wall = java.time.Duration.between(start, Instant.now()).toMillis() / 1000.0;
    return new CleanStats(
        output,
        start.toString(),
        wall,
        files.size(),
        inputBytes,
        records,
        byType,
        skipped,
        quarantined,
        warnings,
        pages,
        ingestDrops,
        filterStats,
        dedupCounters,
        totals.getLong(0),
        totals.isNullAt(1) ? 0 : totals.getLong(1),
        totals.isNullAt(2) ? 0 : totals.getLong(2),
        byLanguage,
        dropTable);
  }

  private static FilterStats noFilterStats(List<String> enabled) {
    return new FilterStats(
        0,
        0,
        0,
        0,
        enabled.stream().map(f -> new FilterStats.PerFilter(f, 0, 0, 0, 0)).toList(),
        List.of(),
        Map.of());
  }
}
