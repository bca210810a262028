package org.lmforge.pipeline.dedup;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lmforge.dataprep.dedup.DedupConfig;
import org.lmforge.pipeline.job.Sessions;

/**
 * Recall and precision of near-dedupe against true Jaccard (of shingle strings): recall over the
 * planted pairs whose true Jaccard reaches the threshold, precision over a random sample of the
 * reported pairs. Run: {@code ... exec:exec -Dexec.args="-Xmx6g -cp %classpath
 * org.lmforge.pipeline.dedup.DedupQuality [docs]"}.
 */
public final class DedupQuality {
  /** Measured figures; pairs are those reported by the method. */
  public record Figures(
      int plantedAtThreshold, int plantedFound, long reported, int sampled, int sampledTrue) {
    public double recall() {
      return plantedAtThreshold == 0 ? 1 : (double) plantedFound / plantedAtThreshold;
    }

    public double precision() {
      return sampled == 0 ? 1 : (double) sampledTrue / sampled;
    }

    @Override
    public String toString() {
      return String.format(
          "recall %.4f (%d/%d planted pairs with J>=t), precision %.4f (%d/%d sampled of %,d"
              + " reported pairs)",
          recall(), plantedFound, plantedAtThreshold, precision(), sampledTrue, sampled, reported);
    }
  }

  /**
   * A generated corpus: the Dataset (clean schema, cached) and what is needed to score a method on
   * it.
   */
  public record Corpus(
      DedupCorpus.Planted planted, String[] words, Dataset<Row> docs, Map<String, Integer> index) {
    public static Corpus build(
        SparkSession spark, String[] words, int n, long seed, int partitions) {
      return build(spark, new DedupCorpus.Planted(n, seed), words, partitions);
    }

    /**
     * The documents of {@code p} (the anchor corpus or a subclass such as {@link
     * DedupCorpus.Composed}), made from {@code words}, its source text, on the executors.
     */
    public static Corpus build(
        SparkSession spark, DedupCorpus.Planted p, String[] words, int partitions) {
      int n = p.n;
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      var bw = jsc.broadcast(words);
      List<Integer> idx = IntStream.range(0, n).boxed().toList();
      Dataset<Row> docs =
          spark
              .createDataFrame(
                  jsc.parallelize(idx, partitions).map(i -> p.row(bw.value(), i)),
                  DedupCorpus.SCHEMA)
              .cache();
      docs.count();
      Map<String, Integer> index = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        index.put(p.id(i), i);
      }
      return new Corpus(p, words, docs, index);
    }

    public String text(String id) {
      return planted.text(words, index.get(id));
    }
  }

  private DedupQuality() {}

  /** Scores reported pairs (two string id columns) against the corpus. */
  public static Figures score(
      Corpus c,
      List<String[]> reportedPairs,
      double threshold,
      int shingle,
      int sample,
      long seed) {
    Set<String> found = new HashSet<>(reportedPairs.size() * 2);
    for (String[] p : reportedPairs) {
      found.add(p[0].compareTo(p[1]) < 0 ? p[0] + " " + p[1] : p[1] + " " + p[0]);
    }
    DedupCorpus.Planted pl = c.planted();
    int atThreshold = 0;
    int hit = 0;
    for (int i = pl.base; i < pl.n; i++) {
      String a = pl.id(i);
      String b = pl.id(pl.sourceOf(i));
      if (DedupCorpus.trueJaccard(c.text(a), c.text(b), shingle) >= threshold) {
        atThreshold++;
        if (found.contains(a.compareTo(b) < 0 ? a + " " + b : b + " " + a)) {
          hit++;
        }
      }
    }
    List<String[]> shuffled = new ArrayList<>(reportedPairs);
    Collections.shuffle(shuffled, new java.util.Random(seed));
    int sampled = Math.min(sample, shuffled.size());
    int ok = 0;
    for (int k = 0; k < sampled; k++) {
      String[] p = shuffled.get(k);
      if (DedupCorpus.trueJaccard(c.text(p[0]), c.text(p[1]), shingle) >= threshold) {
        ok++;
      }
    }
    return new Figures(atThreshold, hit, reportedPairs.size(), sampled, ok);
  }

  /** Pairs of the near level as id pairs. */
  public static List<String[]> idPairs(Dataset<Row> keyPairs, Dataset<Row> docs) {
    Dataset<Row> keys = docs.select(NearDuplicates.key(col("id")).as("k"), col("id"));
    List<String[]> out = new ArrayList<>();
    for (Row r :
        keyPairs
            .join(keys.withColumnRenamed("k", "a").withColumnRenamed("id", "ida"), "a")
            .join(keys.withColumnRenamed("k", "b").withColumnRenamed("id", "idb"), "b")
            .select("ida", "idb")
            .collectAsList()) {
      out.add(new String[] {r.getString(0), r.getString(1)});
    }
    return out;
  }

  /** Near-dedupe figures on a planted corpus of n documents. */
  public static Figures measure(SparkSession spark, String[] words, int n, DedupConfig cfg) {
    Corpus c = Corpus.build(spark, words, n, 1234L, 4);
    Figures f = measure(c, cfg);
    c.docs().unpersist();
    return f;
  }

  /** Near-dedupe figures on a built corpus. */
  public static Figures measure(Corpus c, DedupConfig cfg) {
    NearClusters.Result r = NearClusters.find(c.docs(), cfg);
    return score(c, idPairs(r.pairs(), c.docs()), cfg.threshold(), cfg.shingleSize(), 1000, 99L);
  }

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    try (SparkSession spark = Sessions.create("dedup-quality", "local[2]")) {
      String[] words = DedupCorpus.words();
      DedupConfig cfg = DedupConfig.defaults();
      for (String mode : DedupConfig.VERIFY_MODES) {
        DedupConfig m =
            cfg.withNear(cfg.numHashes(), cfg.bands(), cfg.rows(), mode, cfg.threshold());
        System.out.printf(
            "verify=%-9s %d docs, %dx%d bands, t=%.2f: %s%n",
            mode, n, m.bands(), m.rows(), m.threshold(), measure(spark, words, n, m));
      }
    }
  }
}
