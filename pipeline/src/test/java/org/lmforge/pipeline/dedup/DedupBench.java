package org.lmforge.pipeline.dedup;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.lmforge.dataprep.dedup.DedupConfig;
import org.lmforge.pipeline.Sessions;

/**
 * Near-dedupe benchmark, our stage against Spark ML's MinHashLSH in one run, on the anchor corpus
 * (shared/notes/minhash-anchor.md): Europarl word windows with 10% planted copies (3% of words replaced), 8
 * cached input partitions, local[2], default SQL settings. Prints time, recall (planted pairs with true
 * J >= 0.7), precision (2000 sampled reported pairs against true Jaccard), peak heap and peak RSS per method.
 *
 * <pre>
 * mvn -q -o -pl pipeline -am -Dbuild.dir.name=target-dedup test-compile exec:exec -Dexec.executable=java \
 *   -Dexec.classpathScope=test -Dexec.args="-Xmx8g -cp %classpath org.lmforge.pipeline.dedup.DedupBench \
 *   25000,100000,400000 100000"
 * </pre>
 * Arguments: {@code sizes [sparkMax [corpus]]}.
 * <ul>
 *   <li>{@code sizes}: corpus sizes, comma-separated (default 25000,100000,400000).
 *   <li>{@code sparkMax}: the largest size MinHashLSH runs at (default 100000; it does not finish 400k in 15
 *       minutes on 2 cores); {@code 0} runs only our stage (near level, then the whole stage) at every size
 *       and skips MinHashLSH in the warm-up too.
 *   <li>{@code corpus}: {@code anchor} (default, {@link DedupCorpus.Planted}: its true near-duplicate pairs grow
 *       with the square of the size, 909k at 400k) or {@code composed} ({@link DedupCorpus.Composed}: pages of
 *       random Europarl sentences, 10% planted near-copies, a constant duplicate rate), the corpus for
 *       measuring how time grows with size (issue 5):
 *       {@code DedupBench 25000,100000,400000 0 composed}.
 * </ul>
 * "CPU s" is the process CPU time (all threads) over the step: the primary figure on a loaded machine.
 */
public final class DedupBench {
  private DedupBench() {}

  public static void main(String[] args) {
    List<Integer> sizes = new ArrayList<>();
    for (String s : (args.length > 0 ? args[0] : "25000,100000,400000").split(",")) {
      sizes.add(Integer.parseInt(s.trim()));
    }
    int sparkMax = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    String kind = args.length > 2 ? args[2] : "anchor";
    if (!kind.equals("anchor") && !kind.equals("composed")) {
      throw new IllegalArgumentException("corpus must be anchor or composed: " + kind);
    }
    DedupConfig cfg = DedupConfig.defaults();
    List<String> table = new ArrayList<>();
    table.add("| docs | method | wall s | CPU s | docs/s | recall (J>=0.7 planted) | precision (sampled) | reported pairs"
        + " | peak heap GiB | peak RSS GiB |");
    table.add("|---|---|---|---|---|---|---|---|---|---|");
    try (SparkSession spark = Sessions.create("dedup-bench", "local[2]")) {
      spark.sparkContext().setLogLevel("WARN");
      String[] words = kind.equals("anchor") ? DedupCorpus.words() : DedupCorpus.sentences();
      System.out.printf("corpus %s from %,d Europarl %s; MinHashLSH up to %,d docs; config %s%n", kind,
          words.length, kind.equals("anchor") ? "words" : "sentences", sparkMax, cfg);
      warmUp(spark, kind, words, cfg, sparkMax > 0);
      for (int n : sizes) {
        DedupQuality.Corpus c = corpus(spark, kind, words, n, 1234L, 8);
        System.gc();

        resetPeaks();
        long c0 = cpu();
        long t0 = System.nanoTime();
        NearClusters.Result near = NearClusters.find(c.docs(), cfg);
        long clusters = near.clusters().count();
        double tNear = (System.nanoTime() - t0) / 1e9;
        String mem = peaks() + " " + (cpu() - c0) / 1e9;
        DedupQuality.Figures f = DedupQuality.score(c, DedupQuality.idPairs(near.pairs(), c.docs()),
            cfg.threshold(), cfg.shingleSize(), 2000, 7L);
        table.add(row(n, "ours: near level (pairs + components + keep)", tNear, f, mem));
        System.out.printf("%,d docs: ours near %.1f s, %,d clusters, %s%n", n, tNear, clusters, f);

        resetPeaks();
        c0 = cpu();
        t0 = System.nanoTime();
        DedupStage.Result all = DedupStage.run(c.docs(), cfg);
        Map<String, Long> counters = DedupStage.counters(all.docs());
        double tAll = (System.nanoTime() - t0) / 1e9;
        mem = peaks() + " " + (cpu() - c0) / 1e9;
        table.add(row(n, "ours: whole stage (id, url, exact, line, near) + counters", tAll, null, mem));
        System.out.printf("%,d docs: ours whole stage %.1f s, counters %s%n", n, tAll, counters);

        if (n <= sparkMax) {
          System.gc();
          resetPeaks();
          c0 = cpu();
          t0 = System.nanoTime();
          Dataset<Row> pairs = minHashLsh(c.docs(), 10, 1.0 - cfg.threshold());
          long count = pairs.count();
          double tSpark = (System.nanoTime() - t0) / 1e9;
          mem = peaks() + " " + (cpu() - c0) / 1e9;
          List<String[]> idPairs = new ArrayList<>();
          for (Row r : pairs.collectAsList()) {
            idPairs.add(new String[] {r.getString(0), r.getString(1)});
          }
          DedupQuality.Figures fs = DedupQuality.score(c, idPairs, cfg.threshold(), cfg.shingleSize(), 2000, 7L);
          table.add(row(n, "Spark ML MinHashLSH T=10, approxSimilarityJoin", tSpark, fs, mem));
          System.out.printf("%,d docs: MinHashLSH %.1f s (%,d pairs), %s; speed-up %.1fx (near level), %.1fx"
              + " (whole stage)%n", n, tSpark, count, fs, tSpark / tNear, tSpark / tAll);
          pairs.unpersist();
        }
        c.docs().unpersist();
      }
    }
    System.out.println();
    System.out.println("corpus: " + kind);
    table.forEach(System.out::println);
  }

  /** The anchor's Spark pipeline: tokenise, 5-grams, binary HashingTF 2^20, MinHashLSH, self similarity join. */
  static Dataset<Row> minHashLsh(Dataset<Row> docs, int tables, double maxDistance) {
    Dataset<Row> tokens = new RegexTokenizer().setInputCol("text").setOutputCol("tokens")
        .setPattern("[^\\p{L}\\p{N}]+").setToLowercase(true).transform(docs.select("id", "text"));
    Dataset<Row> grams = new NGram().setN(5).setInputCol("tokens").setOutputCol("grams").transform(tokens);
    Dataset<Row> feats = new HashingTF().setInputCol("grams").setOutputCol("features").setNumFeatures(1 << 20)
        .setBinary(true).transform(grams);
    MinHashLSHModel model = new MinHashLSH().setNumHashTables(tables).setSeed(42L).setInputCol("features")
        .setOutputCol("hashes").fit(feats);
    Dataset<Row> h = model.transform(feats).persist(StorageLevel.MEMORY_AND_DISK());
    return model.approxSimilarityJoin(h, h, maxDistance, "dist")
        .select(col("datasetA.id").as("a"), col("datasetB.id").as("b"))
        .filter(col("a").lt(col("b")))
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  private static void warmUp(SparkSession spark, String kind, String[] words, DedupConfig cfg, boolean lsh) {
    DedupQuality.Corpus c = corpus(spark, kind, words, 3000, 99L, 8);
    NearClusters.find(c.docs(), cfg).clusters().count();
    DedupStage.counters(DedupStage.run(c.docs(), cfg).docs());
    if (lsh) {
      minHashLsh(c.docs(), 10, 1.0 - cfg.threshold()).count();
    }
    c.docs().unpersist();
  }

  /** The anchor corpus (source = stream words) or the constant-rate one (source = sentences), cached. */
  static DedupQuality.Corpus corpus(SparkSession spark, String kind, String[] source, int n, long seed,
      int partitions) {
    if (kind.equals("anchor")) {
      return DedupQuality.Corpus.build(spark, source, n, seed, partitions);
    }
    DedupCorpus.Planted p = new DedupCorpus.Composed(n, seed);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    var bs = jsc.broadcast(source);
    List<Integer> idx = IntStream.range(0, n).boxed().toList();
    Dataset<Row> docs = spark.createDataFrame(
        jsc.parallelize(idx, partitions).map(i -> p.row(bs.value(), i)), DedupCorpus.SCHEMA).cache();
    docs.count();
    Map<String, Integer> index = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      index.put(p.id(i), i);
    }
    return new DedupQuality.Corpus(p, source, docs, index);
  }

  private static String row(int n, String method, double secs, DedupQuality.Figures f, String mem) {
    String[] m = mem.split(" ");
    String row = String.format(Locale.ROOT, "| %,d | %s | %.1f | %.1f | %,.0f | %s | %s | %s | %s | %s |", n,
        method, secs, Double.parseDouble(m[2]), n / secs,
        f == null ? "" : String.format(Locale.ROOT, "%.4f (%d/%d)", f.recall(), f.plantedFound(),
            f.plantedAtThreshold()),
        f == null ? "" : String.format(Locale.ROOT, "%.4f", f.precision()),
        f == null ? "" : String.format(Locale.ROOT, "%,d", f.reported()), m[0], m[1]);
    System.out.println(row);
    return row;
  }

  /** CPU time of the whole JVM (all threads), in ns: robust to other load on the machine. */
  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Resets heap pool peaks and, where the kernel allows, the process's peak RSS (VmHWM). */
  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      p.resetPeakUsage();
    }
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException | RuntimeException e) {
      // Not permitted: VmHWM then is the peak since JVM start.
    }
  }

  /** "heapGiB rssGiB": sum of heap pool peaks, and VmHWM. */
  private static String peaks() {
    long heap = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        heap += p.getPeakUsage().getUsed();
      }
    }
    double rss = Double.NaN;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          rss = Long.parseLong(line.replaceAll("\\D", "")) / 1048576.0;
        }
      }
    } catch (IOException e) {
      // no /proc: leave NaN
    }
    return String.format(Locale.ROOT, "%.2f %.2f", heap / (double) (1L << 30), rss);
  }
}
