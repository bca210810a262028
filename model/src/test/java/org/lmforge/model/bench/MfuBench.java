package org.lmforge.model.bench;

import org.lmforge.model.gpt.Gpt;
import org.lmforge.model.gpt.GptConfig;
import org.lmforge.model.train.AdamW;

/**
 * Training tokens/s and model FLOP utilisation for ~1M, ~10M and ~30M parameter GPTs at context 256:
 * MFU = flopsPerToken · tokens/s / (ND4J sgemm peak measured in this run, 1024³ and 2048³, best of).
 * Also reports time to the first step and off-heap/RSS growth over the timed steps.
 * Usage: MfuBench [steps=10] [sizes=1m,10m,30m] [batch=8]
 */
public final class MfuBench {
  public static void main(String[] args) {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    String sizes = args.length > 1 ? args[1] : "1m,10m,30m";
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    double peak = Math.max(SgemmPeak.peak(1024, 3), SgemmPeak.peak(2048, 3));
    System.out.printf("ND4J sgemm peak: %.1f GFLOP/s (OMP_NUM_THREADS=%s)%n", peak / 1e9, System.getenv("OMP_NUM_THREADS"));
    System.out.println("| size | L | H | d | params | FLOPs/token | batch×T | first step s | tokens/s | MFU | RSS MiB start→end |");
    for (String s : sizes.split(",")) {
      GptConfig c = switch (s) {
        case "1m" -> GptConfig.of(50304 / 16, 256, 4, 4, 128, 0);          // ~1.2M with a 3k vocab
        case "10m" -> GptConfig.of(8192, 256, 6, 6, 384, 0);
        case "30m" -> GptConfig.of(8192, 256, 8, 8, 512, 0);
        default -> throw new IllegalArgumentException("size " + s + " is not one of 1m,10m,30m");
      };
      run(s, c, batch, steps, peak);
    }
  }

  static void run(String name, GptConfig c, int batch, int steps, double peak) {
    Gpt g = new Gpt(c, 1);
    AdamW opt = new AdamW(g.flatLength(), g.decayMask(), 0.9, 0.95, 1e-8, 0.1);
    java.util.SplittableRandom r = new java.util.SplittableRandom(1);
    int[][] x = new int[batch][c.contextLength()], y = new int[batch][c.contextLength()];
    for (int i = 0; i < batch; i++) for (int t = 0; t < c.contextLength(); t++) {
      x[i][t] = r.nextInt(c.vocabSize());
      y[i][t] = r.nextInt(c.vocabSize());
    }
    long t0 = System.nanoTime();
    step(g, opt, x, y);
    double first = (System.nanoTime() - t0) / 1e9;
    step(g, opt, x, y);   // warm
    long rss0 = rssKiB();
    long t1 = System.nanoTime();
    for (int i = 0; i < steps; i++) step(g, opt, x, y);
    double sec = (System.nanoTime() - t1) / 1e9;
    double tps = (double) steps * batch * c.contextLength() / sec;
    System.out.printf("| %s | %d | %d | %d | %,d | %.3g | %d×%d | %.1f | %.0f | %.1f%% | %d→%d |%n", name, c.nLayer(),
        c.nHead(), c.dModel(), c.parameterCount(), c.flopsPerToken(), batch, c.contextLength(), first, tps,
        100 * c.flopsPerToken() * tps / peak, rss0 >> 10, rssKiB() >> 10);
  }

  static void step(Gpt g, AdamW opt, int[][] x, int[][] y) {
    g.computeGradient(x, y, true);
    opt.update(g.params(), g.gradients(), 1e-4);
  }

  static long rssKiB() {
    try {
      return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("VmRSS")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
    } catch (Exception e) {
      return 0;
    }
  }
}
