package org.lmforge.bench.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.lmforge.bench.BenchArgs;
import org.lmforge.model.gpt.GptConfig;
import org.lmforge.model.train.BatchSampler;
import org.lmforge.model.train.IntArrayTokenStream;
import org.lmforge.model.train.Optim;
import org.lmforge.model.train.TrainConfig;
import org.lmforge.model.train.Trainer;

/**
 * Off-heap leak check: trains a ~0.45M-parameter GPT (V 256, L 2, H 4, d 128, T 64, batch 4)
 * through the full Trainer path (AdamW, clipping, an evaluation every interval) and prints RSS,
 * peak RSS and the heap at steps 0, interval, 2·interval, ... A leak in the per-step path (arrays
 * created outside DL4J's workspaces, views kept alive) shows as RSS growing linearly with steps.
 * Usage: MemoryFlatBench [steps=5000] [interval=1000]
 */
public final class MemoryFlatBench {
  public static void main(String[] args) throws Exception {
    int steps = BenchArgs.intAt(args, 0, 5000);
    int interval = BenchArgs.intAt(args, 1, 1000);
    SplittableRandom r = new SplittableRandom(1);
    int[] tokens = new int[200_000];
    for (int i = 0; i < tokens.length; i++) tokens[i] = r.nextInt(256);
    IntArrayTokenStream data = new IntArrayTokenStream(tokens, 256, 1.0);
    GptConfig model = GptConfig.of(256, 64, 2, 4, 128, 0);
    TrainConfig cfg =
        new TrainConfig(
            model,
            new Optim(
                4, 1, steps, 1e-3, 1e-4, 100, 0.9, 0.99, 0.1, 1.0, 1, BatchSampler.Mode.RANDOM),
            new TrainConfig.Cadence(0, 4096, 1000, 0));
    Trainer t = new Trainer(cfg, data.slice(0, 180_000), data.slice(180_000, 200_000), null, null);
    System.out.printf(
        "%s: %,d parameters, %d tokens/step, OMP_NUM_THREADS=%s%n",
        model, model.parameterCount(), cfg.tokensPerStep(), System.getenv("OMP_NUM_THREADS"));
    System.out.println(
        "| step | train loss | val loss | RSS MiB | peak RSS (VmHWM) MiB | heap used MiB | s since start |");
    long t0 = System.nanoTime();
    double loss = Double.NaN;
    for (int s = 0; s <= steps; s++) {
      if (s % interval == 0) {
        double val = t.evaluate().loss();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(
            "| %d | %.3f | %.3f | %d | %d | %d | %.0f |%n",
            s,
            loss,
            val,
            status("VmRSS") >> 10,
            status("VmHWM") >> 10,
            (rt.totalMemory() - rt.freeMemory()) >> 20,
            (System.nanoTime() - t0) / 1e9);
      }
      if (s < steps) loss = t.trainStep()[0];
    }
    System.out.printf(
        "load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
  }

  /**
   * A /proc/self/status field in KiB. No System.gc() before reading: the point is what a run really
   * holds.
   */
  static long status(String field) throws Exception {
    return Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(l -> l.startsWith(field))
        .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
        .findFirst()
        .orElse(0);
  }
}
