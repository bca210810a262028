package org.lmforge.pipeline.dedup;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lmforge.dataprep.dedup.DedupConfig;

/**
 * Near-duplicate clusters: connected components of the verified pairs, one kept document per
 * cluster. The kept document is the first by the {@code keep} rule (see {@link
 * DedupColumns#keepOrder}); a cluster is named by the id of its kept document, so cluster ids are
 * stable whatever the partitioning.
 */
public final class NearClusters {
  /** Members and clusters of one run. */
  public record Result(Dataset<Row> pairs, Dataset<Row> members, Dataset<Row> clusters) {}

  private NearClusters() {}

  /**
   * @param docs candidate documents with {@code id}, {@code text}, {@code crawl_date}, {@code
   *     text_length}
   * @return pairs: verified pairs {@code a}, {@code b} (node keys, see {@link NearDuplicates#key}),
   *     {@code jaccard}; members: {@code id}, {@code dup_cluster_id}, {@code dup_cluster_size},
   *     {@code dup_of} (null for the kept document); clusters: {@code cluster_id}, {@code size},
   *     {@code member_ids} (sorted)
   */
  public static Result find(Dataset<Row> docs, DedupConfig cfg) {
    Dataset<Row> sigs = NearDuplicates.signatures(docs.select("id", "text"), cfg).localCheckpoint();
    Dataset<Row> pairs = NearDuplicates.pairs(sigs, cfg).localCheckpoint();
    Dataset<Row> components = ConnectedComponents.run(pairs.select("a", "b"));
    Dataset<Row> info =
        docs.select(
            NearDuplicates.key(col("id")).as("node"),
            col("id"),
            DedupColumns.keepRank(cfg.keep()).as("rank"));
    Dataset<Row> withInfo = components.join(info, "node");
    Dataset<Row> clusters =
        withInfo
            .groupBy("component")
            .agg(
                min("rank").as("first"),
                count("*").cast("int").as("size"),
                array_sort(collect_list("id")).as("member_ids"))
            .select(
                col("component"), col("first.id").as("cluster_id"), col("size"), col("member_ids"))
            .localCheckpoint();
    Dataset<Row> members =
        withInfo
            .join(clusters.select("component", "cluster_id", "size"), "component")
            .select(
                col("id"),
                col("cluster_id").as(DedupColumns.CLUSTER_ID),
                col("size").as(DedupColumns.CLUSTER_SIZE),
                org.apache
                    .spark
                    .sql
                    .functions
                    .when(col("id").notEqual(col("cluster_id")), col("cluster_id"))
                    .as(DedupColumns.DUP_OF))
            .localCheckpoint();
    return new Result(pairs, members, clusters.drop("component"));
  }
}
