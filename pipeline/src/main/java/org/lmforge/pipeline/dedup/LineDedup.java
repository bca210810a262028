package org.lmforge.pipeline.dedup;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lmforge.dataprep.dedup.LineHashes;

/**
 * Corpus-wide line dedupe (CCNet): a line whose normalised hash occurs in more than K documents is
 * removed from every document except its first occurrence, the document with the earliest
 * crawl_date (then the smallest id; an unknown date counts as earliest). Lines are counted once per
 * document.
 */
final class LineDedup {
  private static final StructType REMOVAL =
      new StructType()
          .add("text", DataTypes.StringType, true)
          .add("lines", DataTypes.IntegerType, false)
          .add("chars", DataTypes.IntegerType, false);

  private LineDedup() {}

  /**
   * @param active documents taking part (unique ids), all columns
   * @return the same rows with {@code text}, {@code text_length} rewritten and {@code
   *     dedup_lines_removed}, {@code dedup_line_chars_removed} set (0 when nothing was removed)
   */
  static Dataset<Row> apply(Dataset<Row> active, int maxRepeats) {
    UserDefinedFunction hashes =
        udf(
            (UDF1<String, long[]>) LineHashes::distinct,
            DataTypes.createArrayType(DataTypes.LongType, false));
    Dataset<Row> lines =
        active.select(col("id"), col("crawl_date"), explode(hashes.apply(col("text"))).as("lh"));
    Dataset<Row> repeated =
        lines
            .groupBy("lh")
            .agg(count("*").as("n"), min(struct(col("crawl_date"), col("id"))).as("first"))
            .filter(col("n").gt(maxRepeats))
            .select(col("lh"), col("first.id").as("first_id"));
    Dataset<Row> toRemove =
        lines
            .join(repeated, "lh")
            .filter(col("id").notEqual(col("first_id")))
            .groupBy("id")
            .agg(array_sort(collect_list("lh")).as("rm"))
            .withColumnRenamed("id", "_rid");

    UserDefinedFunction remove =
        udf(
            (UDF2<String, scala.collection.Seq<Long>, Row>)
                (text, rm) -> {
                  long[] set = new long[rm.size()];
                  for (int i = 0; i < set.length; i++) {
                    set[i] = rm.apply(i);
                  }
                  LineHashes.Removal r = LineHashes.remove(text, set);
                  return RowFactory.create(r.text(), r.linesRemoved(), r.charsRemoved());
                },
            REMOVAL);
    Dataset<Row> joined =
        active
            .join(toRemove, col("id").equalTo(col("_rid")), "left")
            .drop("_rid")
            .withColumn(
                "_r",
                org.apache.spark.sql.functions.when(
                    col("rm").isNotNull(), remove.apply(col("text"), col("rm"))));
    return joined
        .withColumn(
            "text",
            org.apache
                .spark
                .sql
                .functions
                .when(col("_r").isNotNull(), col("_r.text"))
                .otherwise(col("text")))
        .withColumn(
            "text_length",
            org.apache
                .spark
                .sql
                .functions
                .when(
                    col("_r.chars").gt(0),
                    col("text_length")
                        .minus(col("_r.chars"))
                        .cast(active.schema().apply("text_length").dataType()))
                .otherwise(col("text_length")))
        .withColumn(
            DedupColumns.LINES_REMOVED,
            org.apache.spark.sql.functions.coalesce(col("_r.lines"), lit(0)))
        .withColumn(
            DedupColumns.LINE_CHARS_REMOVED,
            org.apache.spark.sql.functions.coalesce(col("_r.chars"), lit(0)))
        .drop("rm", "_r");
  }
}
