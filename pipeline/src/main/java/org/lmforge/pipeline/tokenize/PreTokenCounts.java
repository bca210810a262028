package org.lmforge.pipeline.tokenize;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lmforge.dataprep.tokenize.DocSplit;
import org.lmforge.dataprep.tokenize.PreTokenizer;
import scala.Tuple2;

/**
 * The BPE trainer's input, counted by Spark: each partition counts the GPT-2 pre-tokens of its
 * documents in a local hash table ({@link PieceCounter}: so the shuffle carries one row per
 * distinct pre-token and partition, not one per occurrence), reduceByKey sums them, and the table
 * is streamed to the driver.
 *
 * <p>Only training-split documents are counted, so the validation split is text the tokenizer never
 * saw. The sample is a seeded hash of the id ({@link DocSplit#position}), not {@code
 * Dataset.sample}, so it does not depend on how the input is partitioned.
 */
final class PreTokenCounts {
  /**
   * Added to the split seed for the sample, so the sample is independent of the validation split.
   */
  static final long SAMPLE_SEED_OFFSET = 0x9E3779B97F4A7C15L;

  private PreTokenCounts() {}

  /** Counted table of pre-token -> occurrences; {@code docs} has string columns "id" and "text". */
  static Map<String, Long> count(Dataset<Row> docs, DocSplit split, double sampleFraction) {
    DocSplit sample = new DocSplit(sampleFraction, split.seed() + SAMPLE_SEED_OFFSET);
    JavaPairRDD<String, Long> counts =
        docs.javaRDD()
            .mapPartitionsToPair(rows -> countPartition(rows, split, sample))
            .reduceByKey(Long::sum);
    Map<String, Long> table = new HashMap<>();
    // toLocalIterator: one partition at a time, so the driver never holds the table twice (as
    // collect() would).
    for (Iterator<Tuple2<String, Long>> it = counts.toLocalIterator(); it.hasNext(); ) {
      Tuple2<String, Long> t = it.next();
      table.put(t._1(), t._2());
    }
    return table;
  }

  private static Iterator<Tuple2<String, Long>> countPartition(
      Iterator<Row> rows, DocSplit split, DocSplit sample) {
    PieceCounter local = new PieceCounter();
    boolean all = sample.validationFraction() >= 1;
    while (rows.hasNext()) {
      Row r = rows.next();
      String id = r.getString(0);
      String text = r.getString(1);
      if (id == null || text == null || text.isBlank() || split.isValidation(id)) continue;
      if (!all && !sample.isValidation(id))
        continue; // "validation" of the sampler = inside the sample
      byte[] b = text.getBytes(StandardCharsets.UTF_8);
      PreTokenizer.split(b, 0, b.length, (s, e) -> local.add(b, s, e));
    }
    List<Tuple2<String, Long>> out = new ArrayList<>(local.size());
    local.forEach((k, v) -> out.add(new Tuple2<>(k, v)));
    return out.iterator();
  }
}
