package org.lmforge.bench.tokenize;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lmforge.bench.BenchArgs;
import org.lmforge.bench.Periodic;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.tokenize.PieceCounter;
import org.lmforge.pipeline.tokenize.TokenizeConfig;
import org.lmforge.pipeline.tokenize.TokenizeCorpus;
import org.lmforge.pipeline.tokenize.TokenizeResult;
import org.lmforge.pipeline.tokenize.TokenizeStage;

/**
 * Tokenize stage benchmark: builds ~{@code mb} MB of clean-corpus Parquet from Europarl (20 MB of
 * text, so it is repeated: copy 0 as is, each further copy with every document's paragraphs
 * shuffled by its own seed and new ids), then runs the stage on local[2]: train {@code merges}
 * merges, encode, write shards.
 *
 * <p>Args: [mb=100] [merges=32000] [partitions=8] [workDir=/tmp/tokenize-bench]. Prints counting
 * time, merge time, encode MB/s and peak memory. {@code count [rounds=3]} instead compares, on one
 * thread without Spark, the per-partition counter ({@link PieceCounter}) with a {@code
 * HashMap<String, Long>} (dataprep's PreTokenCounter) on all of Europarl.
 */
public final class TokenizeBench {
  public static void main(String[] args) throws IOException {
    if (args.length > 0 && args[0].equals("count")) {
      countingPerThread(BenchArgs.intAt(args, 1, 3));
      return;
    }
    int mb = BenchArgs.intAt(args, 0, 100);
    int merges = BenchArgs.intAt(args, 1, 32000);
    int partitions = BenchArgs.intAt(args, 2, 8);
    Path work = Path.of(BenchArgs.at(args, 3, "/tmp/tokenize-bench"));

    SparkSession spark =
        SparkSession.builder()
            .appName("tokenize-bench")
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "8")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
    try {
      String in = work.resolve("clean").toString();
      long textBytes = buildCorpus(spark, in, mb * 1_000_000L);
      String out = work.resolve("tokens").toString();
      TokenizeConfig cfg =
          TokenizeConfig.defaults(List.of(in), out)
              .withOverwrite(true)
              .withPartitions(partitions)
              .withTokenizer(TokenizeConfig.Tokenizer.train("bench-bpe", 256 + merges + 1));
      CpuSampler cpu = new CpuSampler();
      long cpu0 = processCpuNanos();
      long t0 = System.nanoTime();
      TokenizeResult r = TokenizeStage.run(spark, cfg, Progress.quiet());
      long t1 = System.nanoTime();
      cpu.stop();
      long wallMs = (t1 - t0) / 1_000_000;
      long cpuMs = (processCpuNanos() - cpu0) / 1_000_000;
      long countEnd = t0 + r.countMillis() * 1_000_000;
      double countCpu = cpu.between(t0, countEnd);
      double mergeCpu = cpu.between(countEnd, countEnd + r.mergeMillis() * 1_000_000);
      double encodeCpu = cpu.between(t1 - r.encodeMillis() * 1_000_000, t1);
      long outBytes = r.train().utf8Bytes() + r.validation().utf8Bytes();

      System.out.printf(
          "text: %.1f MB UTF-8 in parquet, %d docs; %d distinct pre-tokens%n",
          textBytes / 1e6, r.documentsIn(), r.distinctPreTokens());
      System.out.printf(
          "counting (read + pre-tokenize + reduceByKey + collect): %.1f s wall, ~%.1f s process CPU%n",
          r.countMillis() / 1e3, countCpu);
      System.out.printf(
          "merging %d merges on the driver: %.1f s wall, ~%.1f s CPU (vocab %d)%n",
          r.vocabSize() - 257, r.mergeMillis() / 1e3, mergeCpu, r.vocabSize());
      System.out.printf(
          "encoding + writing %d shards: %.1f s wall = %.1f MB/s; ~%.1f s process CPU = %.1f MB per "
              + "CPU-second (%d + %d tokens, %.3f bytes/token)%n",
          r.shards(),
          r.encodeMillis() / 1e3,
          outBytes / 1e6 / (r.encodeMillis() / 1e3),
          encodeCpu,
          outBytes / 1e6 / encodeCpu,
          r.train().tokens(),
          r.validation().tokens(),
          r.bytesPerToken());
      System.out.printf(
          "whole stage: %.1f s wall, %.1f s process CPU, load average %s%n",
          wallMs / 1e3, cpuMs / 1e3, Files.readString(Path.of("/proc/loadavg")).trim());
      System.out.printf(
          "peak memory: heap pools %.2f GiB (sum of pool peaks), VmHWM %s%n",
          heapPeak() / 1073741824.0, vmHwm());
    } finally {
      spark.stop();
    }
  }

  private static void countingPerThread(int rounds) {
    List<byte[]> texts = new ArrayList<>();
    long bytes = 0;
    for (String b : TokenizeCorpus.europarlBodies()) {
      texts.add(b.getBytes(StandardCharsets.UTF_8));
      bytes += texts.get(texts.size() - 1).length;
    }
    var bean = ManagementFactory.getThreadMXBean();
    for (int r = 0; r < rounds; r++) {
      long c0 = bean.getCurrentThreadCpuTime();
      PieceCounter table = new PieceCounter();
      for (byte[] b : texts)
        org.lmforge.dataprep.tokenize.PreTokenizer.split(
            b, 0, b.length, (s, e) -> table.add(b, s, e));
      long c1 = bean.getCurrentThreadCpuTime();
      org.lmforge.dataprep.tokenize.PreTokenCounter map =
          new org.lmforge.dataprep.tokenize.PreTokenCounter();
      for (byte[] b : texts) map.add(b);
      long c2 = bean.getCurrentThreadCpuTime();
      System.out.printf(
          "round %d, %.1f MB, %d distinct: PieceCounter %.1f MB/s per CPU-second, HashMap<String,Long> %.1f%n",
          r,
          bytes / 1e6,
          table.size(),
          bytes / 1e3 / ((c1 - c0) / 1e6),
          bytes / 1e3 / ((c2 - c1) / 1e6));
    }
  }

  /** Writes the corpus (8 Parquet files) and returns its UTF-8 text bytes. */
  private static long buildCorpus(SparkSession spark, String path, long targetBytes) {
    List<String> bodies = TokenizeCorpus.europarlBodies();
    List<Row> rows = new ArrayList<>();
    SplittableRandom ids = new SplittableRandom(1);
    long bytes = 0;
    for (int copy = 0; bytes < targetBytes; copy++) {
      Random shuffle = new Random(copy);
      for (String body : bodies) {
        String text = body;
        if (copy > 0) {
          List<String> paras = new ArrayList<>(Arrays.asList(body.split(" {2,}")));
          Collections.shuffle(paras, shuffle);
          text = String.join("  ", paras);
        }
        rows.add(TokenizeCorpus.row(Long.toHexString(ids.nextLong()), "xx", text, null));
        bytes += text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes >= targetBytes) break;
      }
    }
    spark
        .createDataFrame(rows, TokenizeCorpus.SCHEMA)
        .repartition(8)
        .write()
        .mode("overwrite")
        .parquet(path);
    return bytes;
  }

  /**
   * Process CPU time sampled every 50 ms, to split the stage's CPU time by phase (the phases run
   * one after another).
   */
  private static final class CpuSampler {
    private final List<long[]> samples = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;

    CpuSampler() {
      sample(); // the first one before the caller's first instant
      thread = Periodic.start(50, this::sample);
    }

    void stop() {
      thread.interrupt();
      sample();
    }

    private void sample() {
      samples.add(new long[] {System.nanoTime(), processCpuNanos()});
    }

    /** CPU seconds between two nanoTime instants, from the nearest samples. */
    double between(long from, long to) {
      return (at(to) - at(from)) / 1e9;
    }

    private long at(long t) {
      synchronized (samples) {
        long[] best = samples.get(0);
        for (long[] s : samples) if (Math.abs(s[0] - t) < Math.abs(best[0] - t)) best = s;
        return best[1];
      }
    }
  }

  private static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : 0;
  }

  private static long heapPeak() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
    }
    return sum;
  }

  private static String vmHwm() throws IOException {
    for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (l.startsWith("VmHWM:")) return l.substring(6).trim();
    }
    return "?";
  }
}
