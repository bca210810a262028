package org.lmforge.bench.train;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lmforge.bench.BenchArgs;
import org.lmforge.model.gpt.Gpt;
import org.lmforge.model.gpt.GptConfig;
import org.lmforge.model.train.AdamW;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training tokens/s and model FLOP utilisation for ~1M, ~10M and ~30M parameter GPTs at context
 * 256, with MFU = flopsPerToken · tokens/s / peak against two peaks measured in this run ({@link
 * SgemmPeak}): ND4J's sgemm at the thread count the training used, and the machine's best sgemm.
 * The peaks are measured after the models, so that the first size's first step is timed from JVM
 * start with nothing else before it (start-up, ND4J loading, the graph build, the step); later
 * sizes only have the step itself. Also off-heap/RSS growth over the timed steps. Usage: MfuBench
 * [steps=10] [sizes=1m,10m,30m] [batch=8]
 */
public final class MfuBench {
  /** One size's measurements. */
  private record Run(
      String name,
      GptConfig c,
      int batch,
      double firstStep,
      double fromJvmStart,
      double tokensPerSecond,
      long rssStartKiB,
      long rssEndKiB) {}

  public static void main(String[] args) {
    int steps = BenchArgs.intAt(args, 0, 10);
    String sizes = BenchArgs.at(args, 1, "1m,10m,30m");
    int batch = BenchArgs.intAt(args, 2, 8);
    List<Run> runs = new ArrayList<>();
    for (String s : sizes.split(",")) {
      GptConfig c =
          switch (s) {
            case "1m" -> GptConfig.of(50304 / 16, 256, 4, 4, 128, 0); // ~1.2M with a 3k vocab
            case "10m" -> GptConfig.of(8192, 256, 6, 6, 384, 0);
            case "30m" -> GptConfig.of(8192, 256, 8, 8, 512, 0);
            default ->
                throw new IllegalArgumentException("size " + s + " is not one of 1m,10m,30m");
          };
      runs.add(run(s, c, batch, steps, runs.isEmpty()));
    }
    int threads = Nd4j.getEnvironment().maxThreads();
    SgemmPeak.Peaks peaks = SgemmPeak.measure();
    double nd4j = peaks.nd4j(threads);
    System.out.println(peaks);
    System.out.printf(
        Locale.ROOT,
        "MFU vs ND4J: against ND4J's sgemm on the training's %d thread(s), %.1f GFLOP/s;"
            + " vs best: against the machine's best, %.1f GFLOP/s (OMP_NUM_THREADS=%s)%n",
        threads,
        nd4j / 1e9,
        peaks.best() / 1e9,
        System.getenv("OMP_NUM_THREADS"));
    System.out.println(
        "| size | L | H | d | params | FLOPs/token | batch×T | first step s | JVM start → first step"
            + " done s | tokens/s | MFU vs ND4J | MFU vs best | RSS MiB start→end |");
    System.out.println("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|");
    for (Run r : runs) {
      GptConfig c = r.c();
      double flops = c.flopsPerToken() * r.tokensPerSecond();
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | %d | %d | %,d | %.3g | %d×%d | %.1f | %s | %.0f | %.1f%% | %.1f%% |"
              + " %d→%d |%n",
          r.name(),
          c.nLayer(),
          c.nHead(),
          c.dModel(),
          c.parameterCount(),
          c.flopsPerToken(),
          r.batch(),
          c.contextLength(),
          r.firstStep(),
          Double.isNaN(r.fromJvmStart())
              ? "— (not the JVM's first)"
              : String.format(Locale.ROOT, "%.1f", r.fromJvmStart()),
          r.tokensPerSecond(),
          100 * flops / nd4j,
          100 * flops / peaks.best(),
          r.rssStartKiB() >> 10,
          r.rssEndKiB() >> 10);
    }
  }

  /**
   * One size; {@code first}: the JVM's first model, whose first step is also timed from JVM start.
   */
  static Run run(String name, GptConfig c, int batch, int steps, boolean first) {
    Gpt g = new Gpt(c, 1);
    AdamW opt = new AdamW(g.flatLength(), g.decayMask(), 0.9, 0.95, 1e-8, 0.1);
    java.util.SplittableRandom r = new java.util.SplittableRandom(1);
    int[][] x = new int[batch][c.contextLength()], y = new int[batch][c.contextLength()];
    for (int i = 0; i < batch; i++)
      for (int t = 0; t < c.contextLength(); t++) {
        x[i][t] = r.nextInt(c.vocabSize());
        y[i][t] = r.nextInt(c.vocabSize());
      }
    long t0 = System.nanoTime();
    step(g, opt, x, y);
    double firstStep = (System.nanoTime() - t0) / 1e9;
    double fromJvmStart =
        first
            ? (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime())
                / 1000.0
            : Double.NaN;
    step(g, opt, x, y); // warm
    long rss0 = rssKiB();
    long t1 = System.nanoTime();
    for (int i = 0; i < steps; i++) step(g, opt, x, y);
    double sec = (System.nanoTime() - t1) / 1e9;
    double tps = (double) steps * batch * c.contextLength() / sec;
    System.out.printf(
        Locale.ROOT,
        "%s: first step %.1f s%s, %.0f tokens/s over %d steps%n",
        name,
        firstStep,
        first ? String.format(Locale.ROOT, " (done %.1f s after JVM start)", fromJvmStart) : "",
        tps,
        steps);
    return new Run(name, c, batch, firstStep, fromJvmStart, tps, rss0, rssKiB());
  }

  static void step(Gpt g, AdamW opt, int[][] x, int[][] y) {
    g.computeGradient(x, y, true);
    opt.update(g.params(), g.gradients(), 1e-4);
  }

  static long rssKiB() {
    try {
      return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("VmRSS"))
          .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
          .findFirst()
          .orElse(0);
    } catch (Exception e) {
      return 0;
    }
  }
}
