package org.lmforge.pipeline.dedup;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.xxhash64;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lmforge.dataprep.dedup.DedupConfig;
import org.lmforge.dataprep.dedup.Jaccard;
import org.lmforge.dataprep.dedup.MinHasher;
import org.lmforge.dataprep.dedup.Shingler;

/**
 * Near-duplicate pairs by MinHash + LSH banding, as Spark steps: {@link #signatures} (one pass over
 * the text), {@link #candidates} (documents sharing a band key), {@link #verify} (Jaccard over
 * shingles or signatures). Unlike Spark ML's MinHashLSH (one MinHash per table, OR-ed, then a join
 * that carries the sparse vectors), a candidate here needs a whole band of {@code rows} values to
 * agree, and only two 8-byte keys per pair are shuffled until verification; that is where the speed
 * comes from.
 */
public final class NearDuplicates {
  /**
   * Node key of a document: 64-bit xxhash of its id (Spark's, seed 42); a collision needs ~2^32
   * documents.
   */
  public static org.apache.spark.sql.Column key(org.apache.spark.sql.Column id) {
    return xxhash64(id);
  }

  private static final StructType SIG =
      new StructType()
          .add("bands", DataTypes.createArrayType(DataTypes.LongType, false), false)
          .add("set", DataTypes.BinaryType, false);
  private static final StructType PAIR =
      new StructType().add("a", DataTypes.LongType, false).add("b", DataTypes.LongType, false);

  private NearDuplicates() {}

  /**
   * @param docs columns {@code id}, {@code text}
   * @return {@code key} (long), {@code id}, {@code bands} (LSH band keys), {@code set} (packed
   *     ints: the 32-bit shingle set for exact verification, or the MinHash signature for signature
   *     verification); documents without any word are left out
   */
  public static Dataset<Row> signatures(Dataset<Row> docs, DedupConfig cfg) {
    Shingler shingler = new Shingler(cfg.shingleSize());
    MinHasher hasher = new MinHasher(cfg.numHashes(), cfg.seed());
    int bands = cfg.bands();
    int rows = cfg.rows();
    boolean exact = cfg.verify().equals("exact");
    UserDefinedFunction sig =
        udf(
            (UDF1<String, Row>)
                text -> {
                  long[] sh = shingler.shingles(text);
                  if (sh.length == 0) {
                    return null;
                  }
                  int[] s = hasher.signature(sh);
                  long[] keys = MinHasher.bandKeys(s, bands, rows);
                  Long[] boxed = new Long[keys.length];
                  for (int i = 0; i < keys.length; i++) {
                    boxed[i] = keys[i];
                  }
                  return RowFactory.create(boxed, pack(exact ? Shingler.compact(sh) : s));
                },
            SIG);
    return docs.select(key(col("id")).as("key"), col("id"), sig.apply(col("text")).as("s"))
        .filter(col("s").isNotNull())
        .select(col("key"), col("id"), col("s.bands").as("bands"), col("s.set").as("set"));
  }

  /**
   * Distinct candidate pairs {@code a < b} of documents that share at least one band key. A bucket
   * of more than {@code maxBucketSize} documents links each member to its smallest key only.
   */
  public static Dataset<Row> candidates(Dataset<Row> sigs, DedupConfig cfg) {
    int maxBucket = cfg.maxBucketSize();
    Dataset<Row> buckets =
        sigs.select(col("key"), explode(col("bands")).as("band"))
            .groupBy("band")
            .agg(array_sort(collect_list("key")).as("keys"))
            .filter(size(col("keys")).gt(1));
    FlatMapFunction<Row, Row> toPairs =
        r -> {
          List<Long> keys = r.getList(1);
          List<Row> out = new ArrayList<>();
          int n = keys.size();
          if (n > maxBucket) {
            for (int j = 1; j < n; j++) {
              out.add(RowFactory.create(keys.get(0), keys.get(j)));
            }
          } else {
            for (int i = 0; i < n; i++) {
              for (int j = i + 1; j < n; j++) {
                out.add(RowFactory.create(keys.get(i), keys.get(j)));
              }
            }
          }
          return out.iterator();
        };
    return buckets
        .flatMap(toPairs, Encoders.row(PAIR))
        .filter(col("a").notEqual(col("b")))
        .distinct();
  }

  /**
   * Candidate pairs whose similarity reaches the threshold, with that similarity as {@code
   * jaccard}; with verify = "none" every candidate passes with jaccard 1.
   */
  public static Dataset<Row> verify(Dataset<Row> sigs, Dataset<Row> pairs, DedupConfig cfg) {
    if (cfg.verify().equals("none")) {
      return pairs.withColumn("jaccard", org.apache.spark.sql.functions.lit(1.0));
    }
    boolean exact = cfg.verify().equals("exact");
    UserDefinedFunction sim =
        udf(
            (UDF2<byte[], byte[], Double>)
                (x, y) ->
                    exact
                        ? Jaccard.exact(unpack(x), unpack(y))
                        : Jaccard.estimate(unpack(x), unpack(y)),
            DataTypes.DoubleType);
    Dataset<Row> sa = sigs.select(col("key").as("a"), col("set").as("sa"));
    Dataset<Row> sb = sigs.select(col("key").as("b"), col("set").as("sb"));
    return pairs
        .join(sa, "a")
        .join(sb, "b")
        .select(col("a"), col("b"), sim.apply(col("sa"), col("sb")).as("jaccard"))
        .filter(col("jaccard").geq(cfg.threshold()));
  }

  /**
   * Verified near-duplicate pairs of a set of documents ({@code id}, {@code text}): a, b, jaccard.
   */
  public static Dataset<Row> pairs(Dataset<Row> sigs, DedupConfig cfg) {
    return verify(sigs, candidates(sigs, cfg), cfg);
  }

  static byte[] pack(int[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4);
    b.asIntBuffer().put(v);
    return b.array();
  }

  static int[] unpack(byte[] bytes) {
    int[] v = new int[bytes.length / 4];
    ByteBuffer.wrap(bytes).asIntBuffer().get(v);
    return v;
  }
}
