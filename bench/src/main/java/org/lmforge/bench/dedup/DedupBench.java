package org.lmforge.bench.dedup;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.lmforge.bench.BenchArgs;
import org.lmforge.dataprep.dedup.DedupConfig;
import org.lmforge.pipeline.dedup.DedupCorpus;
import org.lmforge.pipeline.dedup.DedupQuality;
import org.lmforge.pipeline.dedup.DedupStage;
import org.lmforge.pipeline.dedup.NearClusters;
import org.lmforge.pipeline.job.Sessions;

/**
 * Near-dedupe benchmark, our stage against Spark ML's MinHashLSH in one run, on the anchor corpus
 * (shared/notes/minhash-anchor.md): Europarl word windows with 10% planted copies (3% of words
 * replaced), 8 cached input partitions, local[2], default SQL settings. Both methods are scored
 * against the same exact ground truth, {@link TruePairs}: ALL pairs with true Jaccard >= 0.7 of the
 * word 5-gram shingle strings, found without candidate generation, over the whole corpus or over
 * every pair touching a random sample of documents (the output says which). Prints, per size and
 * method: wall and CPU time, pairs found, recall and precision against that truth, MinHashLSH's
 * time over the method's (same run), peak heap and peak RSS.
 *
 * <p>Same threshold on both sides: ours keeps a pair when J >= 0.7; Spark's {@code
 * approxSimilarityJoin} keeps Jaccard distance {@code 1 - J < threshold}, so it is given {@link
 * #SPARK_MAX_DISTANCE} = 0.3 + 1e-9, which keeps exactly the pairs with J >= 0.7 (distance <= 0.3)
 * of its feature vectors: at J = 0.7 exactly, 1 - 0.7 is 0.30000000000000004 in double, and no
 * Jaccard of two sets of fewer than 10^4 shingles lies in (0.7 - 1e-5, 0.7). A plain 0.3 would have
 * dropped the pairs at exactly 0.7.
 *
 * <p>MinHashLSH runs in its own Spark job group under a time limit; past it the group is cancelled
 * and the row says "did not finish in N min" (its speed-up figures are then lower bounds).
 *
 * <pre>
 * BENCH_JAVA_OPTS=-Xmx8g bin/bench DedupBench 25000,100000,400000 15
 * </pre>
 *
 * Arguments: {@code sizes [lshMinutes [corpus [truthSample]]]}.
 *
 * <ul>
 *   <li>{@code sizes}: corpus sizes, comma-separated (default 25000,100000,400000).
 *   <li>{@code lshMinutes}: MinHashLSH's time limit per size, in minutes (default 15); {@code 0}
 *       runs only our stage (near level, then the whole stage) and skips MinHashLSH in the warm-up
 *       too.
 *   <li>{@code corpus}: {@code anchor} (default, {@link DedupCorpus.Planted}: its true
 *       near-duplicate pairs grow with the square of the size, 909k at 400k) or {@code composed}
 *       ({@link DedupCorpus.Composed}: pages of random Europarl sentences, 10% planted near-copies,
 *       a constant duplicate rate), the corpus for measuring how time grows with size (issue 5):
 *       {@code DedupBench 25000,100000,400000 0 composed}.
 *   <li>{@code truthSample}: documents the ground truth compares with every other (default 25000:
 *       the whole corpus at 25k, a random 25,000 above).
 * </ul>
 *
 * "CPU s" is the process CPU time (all threads) over the step: the primary figure on a loaded
 * machine.
 */
public final class DedupBench {
  /**
   * Spark's approxSimilarityJoin keeps distance &lt; this, i.e. J &gt;= 0.7 (see the class
   * comment).
   */
  static final double SPARK_MAX_DISTANCE = 0.3 + 1e-9;

  /** One measured method at one size; {@code score} is null when it found no pairs to score. */
  private record Measured(
      String method,
      double wall,
      double cpu,
      long pairs,
      TruePairs.Score score,
      String memory,
      boolean finished) {}

  private DedupBench() {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String s : BenchArgs.at(args, 0, "25000,100000,400000").split(",")) {
      sizes.add(Integer.parseInt(s.trim()));
    }
    double lshMinutes = Double.parseDouble(BenchArgs.at(args, 1, "15"));
    String kind = BenchArgs.at(args, 2, "anchor");
    if (!kind.equals("anchor") && !kind.equals("composed")) {
      throw new IllegalArgumentException("corpus must be anchor or composed: " + kind);
    }
    int truthSample = BenchArgs.intAt(args, 3, 25_000);
    DedupConfig cfg = DedupConfig.defaults();
    if (cfg.threshold() != 0.7) {
      throw new IllegalStateException(
          "SPARK_MAX_DISTANCE is set for a threshold of 0.7, not " + cfg.threshold());
    }
    List<String> table = new ArrayList<>();
    table.add(
        "| docs | method | wall s | CPU s | pairs found | recall vs all true J>=0.7 pairs | precision"
            + " | speed-up vs MinHashLSH, wall (CPU) | peak heap GiB | peak RSS GiB |");
    table.add("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    List<String> truths = new ArrayList<>();
    try (SparkSession spark = Sessions.create("dedup-bench", "local[2]")) {
      spark.sparkContext().setLogLevel("WARN");
      String[] words = kind.equals("anchor") ? DedupCorpus.words() : DedupCorpus.sentences();
      System.out.printf(
          "corpus %s from %,d Europarl %s; MinHashLSH %s; config %s%n",
          kind,
          words.length,
          kind.equals("anchor") ? "words" : "sentences",
          lshMinutes > 0 ? "time limit " + minutes(lshMinutes) + " min per size" : "not run",
          cfg);
      warmUp(spark, kind, words, cfg, lshMinutes > 0);
      for (int n : sizes) {
        DedupQuality.Corpus c = corpus(spark, kind, words, n, 1234L, 8);
        TruePairs.Truth truth =
            TruePairs.compute(c, truthSample, cfg.threshold(), cfg.shingleSize(), 7L);
        String t =
            String.format(
                Locale.ROOT,
                "%,d docs: ground truth %,d pairs with J >= %.1f, %s (%.0f s," + " not timed)",
                n,
                truth.pairs().size(),
                cfg.threshold(),
                truth.describe(),
                truth.seconds());
        truths.add(t);
        System.out.println(t);
        List<Measured> rows = new ArrayList<>();
        rows.add(ourNearLevel(c, cfg, truth));
        rows.add(ourWholeStage(c, cfg));
        Measured lsh = lshMinutes > 0 ? minHashLsh(spark, c, truth, lshMinutes) : null;
        if (lsh != null) {
          rows.add(lsh);
        }
        for (Measured m : rows) {
          table.add(row(n, m, lsh));
        }
        c.docs().unpersist();
      }
    }
    System.out.println();
    System.out.println("corpus: " + kind);
    truths.forEach(System.out::println);
    table.forEach(System.out::println);
  }

  /**
   * Our near level: signatures, candidates, exact verification, connected components, the kept
   * documents.
   */
  private static Measured ourNearLevel(
      DedupQuality.Corpus c, DedupConfig cfg, TruePairs.Truth truth) {
    System.gc();
    resetPeaks();
    long c0 = cpu();
    long t0 = System.nanoTime();
    NearClusters.Result near = NearClusters.find(c.docs(), cfg);
    near.clusters().count();
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpuS = (cpu() - c0) / 1e9;
    String mem = peaks();
    List<String[]> pairs = DedupQuality.idPairs(near.pairs(), c.docs());
    TruePairs.Score s = TruePairs.score(truth, c, pairs);
    System.out.printf("%,d docs: ours near level %.1f s, %s%n", c.planted().n, wall, s);
    return new Measured(
        "ours: near level (pairs + components + keep)", wall, cpuS, pairs.size(), s, mem, true);
  }

  /**
   * Our whole stage (all levels and their counters): its pairs are not scored (other levels remove
   * some first).
   */
  private static Measured ourWholeStage(DedupQuality.Corpus c, DedupConfig cfg) {
    resetPeaks();
    long c0 = cpu();
    long t0 = System.nanoTime();
    Map<String, Long> counters = DedupStage.counters(DedupStage.run(c.docs(), cfg).docs());
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpuS = (cpu() - c0) / 1e9;
    System.out.printf(
        "%,d docs: ours whole stage %.1f s, counters %s%n", c.planted().n, wall, counters);
    return new Measured(
        "ours: whole stage (id, url, exact, line, near) + counters",
        wall,
        cpuS,
        -1,
        null,
        peaks(),
        true);
  }

  /**
   * Spark ML's MinHashLSH, cancelled after {@code minutes}: its jobs run in their own job group
   * from another thread, so the driver can cancel them (and interrupt their tasks) once the limit
   * is reached.
   */
  private static Measured minHashLsh(
      SparkSession spark, DedupQuality.Corpus c, TruePairs.Truth truth, double minutes)
      throws InterruptedException {
    String method = "Spark ML MinHashLSH T=10, approxSimilarityJoin(distance < 0.3 + 1e-9)";
    String group = "dedup-bench-minhashlsh-" + c.planted().n;
    AtomicReference<Lsh> run = new AtomicReference<>();
    ExecutorService thread = Executors.newSingleThreadExecutor();
    System.gc();
    resetPeaks();
    long c0 = cpu();
    long t0 = System.nanoTime();
    Future<Long> count =
        thread.submit(
            () -> {
              spark.sparkContext().setJobGroup(group, "MinHashLSH under a time limit", true);
              try {
                run.set(minHashLsh(c.docs(), 10, SPARK_MAX_DISTANCE));
                return run.get().pairs().count();
              } finally {
                spark.sparkContext().clearJobGroup();
              }
            });
    try {
      long pairs = count.get((long) (minutes * 60_000), TimeUnit.MILLISECONDS);
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpuS = (cpu() - c0) / 1e9;
      String mem = peaks();
      List<String[]> idPairs = new ArrayList<>();
      for (Row r : run.get().pairs().collectAsList()) {
        idPairs.add(new String[] {r.getString(0), r.getString(1)});
      }
      TruePairs.Score s = TruePairs.score(truth, c, idPairs);
      System.out.printf("%,d docs: MinHashLSH %.1f s, %s%n", c.planted().n, wall, s);
      return new Measured(method, wall, cpuS, pairs, s, mem, true);
    } catch (TimeoutException e) {
      spark.sparkContext().cancelJobGroup(group);
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpuS = (cpu() - c0) / 1e9;
      String mem = peaks();
      try {
        count.get(
            5,
            TimeUnit
                .MINUTES); // the cancelled job ends with an exception; wait for its tasks to stop
      } catch (ExecutionException | TimeoutException ended) {
        // expected
      }
      System.out.printf(
          "%,d docs: MinHashLSH did not finish in %s min (cancelled)%n",
          c.planted().n, minutes(minutes));
      return new Measured(
          method + ": did not finish in " + minutes(minutes) + " min",
          wall,
          cpuS,
          -1,
          null,
          mem,
          false);
    } catch (ExecutionException e) {
      throw new IllegalStateException("MinHashLSH failed", e.getCause());
    } finally {
      thread.shutdown();
      if (run.get() != null) {
        run.get().unpersist();
      }
    }
  }

  /** MinHashLSH's persisted datasets: the hashed documents and the pairs. */
  record Lsh(Dataset<Row> hashed, Dataset<Row> pairs) {
    void unpersist() {
      pairs.unpersist();
      hashed.unpersist();
    }
  }

  /**
   * The anchor's Spark pipeline: tokenise, 5-grams, binary HashingTF 2^20, MinHashLSH, self
   * similarity join.
   */
  static Lsh minHashLsh(Dataset<Row> docs, int tables, double maxDistance) {
    Dataset<Row> tokens =
        new RegexTokenizer()
            .setInputCol("text")
            .setOutputCol("tokens")
            .setPattern("[^\\p{L}\\p{N}]+")
            .setToLowercase(true)
            .transform(docs.select("id", "text"));
    Dataset<Row> grams =
        new NGram().setN(5).setInputCol("tokens").setOutputCol("grams").transform(tokens);
    Dataset<Row> feats =
        new HashingTF()
            .setInputCol("grams")
            .setOutputCol("features")
            .setNumFeatures(1 << 20)
            .setBinary(true)
            .transform(grams);
    MinHashLSHModel model =
        new MinHashLSH()
            .setNumHashTables(tables)
            .setSeed(42L)
            .setInputCol("features")
            .setOutputCol("hashes")
            .fit(feats);
    Dataset<Row> h = model.transform(feats).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> pairs =
        model
            .approxSimilarityJoin(h, h, maxDistance, "dist")
            .select(col("datasetA.id").as("a"), col("datasetB.id").as("b"))
            .filter(col("a").lt(col("b")))
            .persist(StorageLevel.MEMORY_AND_DISK());
    return new Lsh(h, pairs);
  }

  private static void warmUp(
      SparkSession spark, String kind, String[] words, DedupConfig cfg, boolean lsh) {
    DedupQuality.Corpus c = corpus(spark, kind, words, 3000, 99L, 8);
    NearClusters.find(c.docs(), cfg).clusters().count();
    DedupStage.counters(DedupStage.run(c.docs(), cfg).docs());
    if (lsh) {
      Lsh l = minHashLsh(c.docs(), 10, SPARK_MAX_DISTANCE);
      l.pairs().count();
      l.unpersist();
    }
    c.docs().unpersist();
  }

  /**
   * The anchor corpus (source = stream words) or the constant-rate one (source = sentences),
   * cached.
   */
  static DedupQuality.Corpus corpus(
      SparkSession spark, String kind, String[] source, int n, long seed, int partitions) {
    DedupCorpus.Planted p =
        kind.equals("anchor")
            ? new DedupCorpus.Planted(n, seed)
            : new DedupCorpus.Composed(n, seed);
    return DedupQuality.Corpus.build(spark, p, source, partitions);
  }

  /**
   * A table row; the speed-up is MinHashLSH's time over this method's, a lower bound if MinHashLSH
   * was cut off.
   */
  private static String row(int n, Measured m, Measured lsh) {
    String speedUp = "";
    if (lsh != null && m != lsh) {
      String atLeast = lsh.finished() ? "" : "> ";
      speedUp =
          String.format(
              Locale.ROOT,
              "%s%.1fx (%s%.1fx)",
              atLeast,
              lsh.wall() / m.wall(),
              atLeast,
              lsh.cpu() / m.cpu());
    }
    TruePairs.Score s = m.score();
    String[] mem = m.memory().split(" ");
    String cut = m.finished() ? "" : "> ";
    String row =
        String.format(
            Locale.ROOT,
            "| %,d | %s | %s%.1f | %s%.1f | %s | %s | %s | %s | %s | %s |",
            n,
            m.method(),
            cut,
            m.wall(),
            cut,
            m.cpu(),
            m.pairs() < 0 ? "" : String.format(Locale.ROOT, "%,d", m.pairs()),
            s == null
                ? ""
                : String.format(
                    Locale.ROOT, "%.4f (%,d/%,d)", s.recall(), s.truePositives(), s.truth()),
            s == null
                ? ""
                : String.format(
                    Locale.ROOT,
                    "%.4f (%,d/%,d)",
                    s.precision(),
                    s.truePositives(),
                    s.reportedCovered()),
            speedUp,
            mem[0],
            mem[1]);
    System.out.println(row);
    return row;
  }

  private static String minutes(double m) {
    return m == Math.rint(m) ? String.valueOf((long) m) : String.valueOf(m);
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
