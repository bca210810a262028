package org.lmforge.pipeline.dedup;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.lmforge.dataprep.dedup.DedupConfig;
import org.lmforge.dataprep.dedup.TextHash;
import org.lmforge.dataprep.dedup.UrlNormalizer;

/**
 * The dedupe stage of the clean job. Levels, each switchable and each on what the previous ones
 * kept:
 *
 * <ol>
 *   <li>same id (always on): a document read from several input files is handled once;
 *   <li>URL: one document per normalised URL ({@link UrlNormalizer});
 *   <li>exact: one document per 128-bit hash of the normalised text ({@link TextHash});
 *   <li>near: MinHash/LSH pairs, connected components, one document per cluster ({@link
 *       NearClusters});
 *   <li>line: CCNet line dedupe ({@link LineDedup}) on the documents still kept; a document left
 *       empty is dropped.
 * </ol>
 *
 * Rows dropped before this stage ({@code drop_filter} not null) pass through untouched. The kept
 * document of each group is the first by the {@code keep} rule, so the result does not depend on
 * partitioning.
 */
public final class DedupStage {
  private DedupStage() {}

  /** Output of the stage: all input rows with dedupe verdicts, and the near-duplicate clusters. */
  public record Result(Dataset<Row> docs, Dataset<Row> clusters) {}

  /**
   * Runs the stage. Intermediate results are materialised (local checkpoints), so writing {@code
   * docs}, {@code clusters} and computing {@link #counters} do not repeat the MinHash work.
   */
  public static Result run(Dataset<Row> in, DedupConfig cfg) {
    Dataset<Row> prior = in.filter(col(DedupColumns.DROP_FILTER).isNotNull());
    Dataset<Row> active = in.filter(col(DedupColumns.DROP_FILTER).isNull());

    active = keepFirst(active, col(DedupColumns.ID), DedupColumns.REASON_ID, cfg.keep());
    if (cfg.url()) {
      UrlNormalizer norm = new UrlNormalizer(cfg.trackingParams());
      UserDefinedFunction nurl = udf((UDF1<String, String>) norm::normalize, DataTypes.StringType);
      // A document without URL only matches itself.
      Column key =
          coalesce(
              nurl.apply(col(DedupColumns.URL)),
              org.apache.spark.sql.functions.concat(lit("\u0000id:"), col(DedupColumns.ID)));
      active = keepFirst(active, key, DedupColumns.REASON_URL, cfg.keep());
    }
    if (cfg.exact()) {
      UserDefinedFunction hash =
          udf(
              (UDF1<String, long[]>) TextHash::of,
              DataTypes.createArrayType(DataTypes.LongType, false));
      active =
          keepFirst(
              active, hash.apply(col(DedupColumns.TEXT)), DedupColumns.REASON_EXACT, cfg.keep());
    }
    active = active.localCheckpoint();

    Dataset<Row> dropped = active.filter(col(DedupColumns.DROP_FILTER).isNotNull());
    Dataset<Row> kept = active.filter(col(DedupColumns.DROP_FILTER).isNull());

    Dataset<Row> clusters;
    if (cfg.near()) {
      NearClusters.Result near = NearClusters.find(kept, cfg);
      clusters = near.clusters();
      Dataset<Row> m =
          near.members()
              .withColumnRenamed("id", "_mid")
              .withColumnRenamed(DedupColumns.DUP_OF, "_near_of");
      Column isDup = col("_near_of").isNotNull();
      kept =
          kept.join(m, col(DedupColumns.ID).equalTo(col("_mid")), "left")
              .withColumn(
                  DedupColumns.DROP_FILTER,
                  when(isDup, lit(DedupColumns.FILTER)).otherwise(col(DedupColumns.DROP_FILTER)))
              .withColumn(
                  DedupColumns.DROP_REASON,
                  when(isDup, lit(DedupColumns.REASON_NEAR))
                      .otherwise(col(DedupColumns.DROP_REASON)))
              .withColumn(DedupColumns.DUP_OF, coalesce(col(DedupColumns.DUP_OF), col("_near_of")))
              .drop("_mid", "_near_of")
              .localCheckpoint();
    } else {
      clusters = in.sparkSession().createDataFrame(java.util.List.of(), clusterSchema());
      kept =
          kept.withColumn(DedupColumns.CLUSTER_ID, lit(null).cast("string"))
              .withColumn(DedupColumns.CLUSTER_SIZE, lit(null).cast("int"));
    }
    Dataset<Row> nearDropped =
        kept.filter(col(DedupColumns.DROP_FILTER).isNotNull())
            .withColumn(DedupColumns.LINES_REMOVED, lit(0))
            .withColumn(DedupColumns.LINE_CHARS_REMOVED, lit(0));
    kept = kept.filter(col(DedupColumns.DROP_FILTER).isNull());

    // Lines after near: run first, line dedupe would strip a near-copy down to its few unique
    // lines, leaving
    // a fragment instead of dropping the copy.
    if (cfg.lines()) {
      kept = LineDedup.apply(kept, cfg.lineMaxRepeats());
      Column emptied =
          col(DedupColumns.LINES_REMOVED)
              .gt(0)
              .and(org.apache.spark.sql.functions.trim(col(DedupColumns.TEXT)).equalTo(""));
      kept =
          kept.withColumn(
                  DedupColumns.DROP_FILTER,
                  when(emptied, lit(DedupColumns.FILTER)).otherwise(col(DedupColumns.DROP_FILTER)))
              .withColumn(
                  DedupColumns.DROP_REASON,
                  when(emptied, lit(DedupColumns.REASON_LINE))
                      .otherwise(col(DedupColumns.DROP_REASON)));
    } else {
      kept =
          kept.withColumn(DedupColumns.LINES_REMOVED, lit(0))
              .withColumn(DedupColumns.LINE_CHARS_REMOVED, lit(0));
    }
    kept = kept.localCheckpoint();
    dropped =
        dropped
            .withColumn(DedupColumns.LINES_REMOVED, lit(0))
            .withColumn(DedupColumns.LINE_CHARS_REMOVED, lit(0));
    dropped =
        dropped
            .withColumn(DedupColumns.CLUSTER_ID, lit(null).cast("string"))
            .withColumn(DedupColumns.CLUSTER_SIZE, lit(null).cast("int"));
    Dataset<Row> passed =
        prior
            .withColumn(DedupColumns.DUP_OF, lit(null).cast("string"))
            .withColumn(DedupColumns.LINES_REMOVED, lit(null).cast("int"))
            .withColumn(DedupColumns.LINE_CHARS_REMOVED, lit(null).cast("int"))
            .withColumn(DedupColumns.CLUSTER_ID, lit(null).cast("string"))
            .withColumn(DedupColumns.CLUSTER_SIZE, lit(null).cast("int"));
    Column[] order =
        Arrays.stream(passed.columns())
            .map(org.apache.spark.sql.functions::col)
            .toArray(Column[]::new);
    Dataset<Row> docs =
        passed
            .select(order)
            .unionByName(dropped.select(order))
            .unionByName(nearDropped.select(order))
            .unionByName(kept.select(order));
    return new Result(docs, clusters);
  }

  /**
   * Within each group of {@code key}, keeps the first document by the keep rule among those not yet
   * dropped and marks the others dropped with {@code reason} and {@code dup_of}. Adds {@code
   * dup_of} if missing.
   */
  static Dataset<Row> keepFirst(Dataset<Row> docs, Column key, String reason, String keep) {
    if (!Arrays.asList(docs.columns()).contains(DedupColumns.DUP_OF)) {
      docs = docs.withColumn(DedupColumns.DUP_OF, lit(null).cast("string"));
    }
    Column[] order = new Column[4];
    order[0] = col(DedupColumns.DROP_FILTER).isNotNull(); // false (still active) first
    System.arraycopy(DedupColumns.keepOrder(keep), 0, order, 1, 3);
    // The last tie-break is a hash of the whole row, so even copies that share an id order the same
    // way.
    // Map columns (e.g. the filter stage's scores) cannot be hashed by Spark; they add nothing to
    // the order.
    Column[] all =
        Arrays.stream(docs.schema().fields())
            .filter(f -> !f.dataType().simpleString().contains("map<"))
            .map(f -> col(f.name()))
            .toArray(Column[]::new);
    Column[] ordered = Arrays.copyOf(order, 5);
    ordered[4] = xxhash64(all);
    WindowSpec w = Window.partitionBy(key).orderBy(ordered);
    Column rank = row_number().over(w);
    Column firstId = first(col(DedupColumns.ID)).over(w);
    Column dup = col(DedupColumns.DROP_FILTER).isNull().and(col("_rank").gt(1));
    return docs.withColumn("_rank", rank)
        .withColumn("_first", firstId)
        .withColumn(
            DedupColumns.DROP_REASON,
            when(dup, lit(reason)).otherwise(col(DedupColumns.DROP_REASON)))
        .withColumn(
            DedupColumns.DUP_OF, when(dup, col("_first")).otherwise(col(DedupColumns.DUP_OF)))
        .withColumn(
            DedupColumns.DROP_FILTER,
            when(dup, lit(DedupColumns.FILTER)).otherwise(col(DedupColumns.DROP_FILTER)))
        .drop("_rank", "_first");
  }

  /** Schema of the clusters Dataset: cluster_id (id of the kept document), size, member_ids. */
  public static org.apache.spark.sql.types.StructType clusterSchema() {
    return new org.apache.spark.sql.types.StructType()
        .add("cluster_id", DataTypes.StringType)
        .add("size", DataTypes.IntegerType)
        .add("member_ids", DataTypes.createArrayType(DataTypes.StringType));
  }

  /**
   * The stage's counters, by one aggregation over its output (exact under task retries, unlike
   * accumulators): docs_in, docs_out, dropped_{id,url,exact,line,near}, lines_removed,
   * line_chars_removed, near_clusters, near_cluster_docs.
   */
  public static Map<String, Long> counters(Dataset<Row> docs) {
    Column entered =
        col(DedupColumns.DROP_FILTER)
            .isNull()
            .or(col(DedupColumns.DROP_FILTER).equalTo(DedupColumns.FILTER));
    Column isDedup = col(DedupColumns.DROP_FILTER).equalTo(DedupColumns.FILTER);
    Function<String, Column> droppedAs =
        reason -> rowsWhere(isDedup.and(col(DedupColumns.DROP_REASON).equalTo(reason)));
    Row r =
        docs.agg(
                rowsWhere(entered),
                rowsWhere(col(DedupColumns.DROP_FILTER).isNull()),
                droppedAs.apply(DedupColumns.REASON_ID),
                droppedAs.apply(DedupColumns.REASON_URL),
                droppedAs.apply(DedupColumns.REASON_EXACT),
                droppedAs.apply(DedupColumns.REASON_LINE),
                droppedAs.apply(DedupColumns.REASON_NEAR),
                sum(coalesce(col(DedupColumns.LINES_REMOVED).cast("long"), lit(0L))),
                sum(coalesce(col(DedupColumns.LINE_CHARS_REMOVED).cast("long"), lit(0L))),
                countDistinct(col(DedupColumns.CLUSTER_ID)),
                rowsWhere(col(DedupColumns.CLUSTER_ID).isNotNull()))
            .first();
    String[] names = {
      "docs_in",
      "docs_out",
      "dropped_id",
      "dropped_url",
      "dropped_exact",
      "dropped_line",
      "dropped_near",
      "lines_removed",
      "line_chars_removed",
      "near_clusters",
      "near_cluster_docs"
    };
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      out.put(names[i], r.isNullAt(i) ? 0L : r.getLong(i));
    }
    return out;
  }

  /** The number of rows where {@code condition} holds, as an aggregate. */
  private static Column rowsWhere(Column condition) {
    return sum(when(condition, 1L).otherwise(0L));
  }
}
