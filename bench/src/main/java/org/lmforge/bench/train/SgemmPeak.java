package org.lmforge.bench.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.lmforge.model.train.SgemmRate;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The sgemm peaks MFU is given against, measured in the run that uses them: ND4J's (best of 5
 * multiplications of 1024² and 2048² float matrices) with 1 BLAS thread, what one trainer replica
 * uses, and with every core; and PyTorch's on every core ({@code /usr/bin/python3} with torch, on
 * OpenBLAS here), when it is installed. The machine's best is the highest of: every core running a
 * 1-thread multiply (cores × the 1-thread rate, what as many replicas can reach), ND4J on every
 * core, PyTorch on every core. Usage: SgemmPeak; prints {@code nd4j_blas}, {@code nd4j_sgemm_gflops
 * threads=T best} for 1 and every core and {@code torch_sgemm_gflops threads=T best}
 * (bin/bench-trainer reads these lines).
 */
public final class SgemmPeak {
  static final String PYTHON = "/usr/bin/python3";

  /**
   * ND4J's rate at 1 thread and on every core, PyTorch's on every core (NaN when absent), in
   * FLOP/s.
   */
  record Peaks(int cores, double nd4jOneThread, double nd4jAllCores, double torchAllCores) {
    /** ND4J's rate at {@code threads} threads (1 or every core: the two measured). */
    double nd4j(int threads) {
      return threads == 1 ? nd4jOneThread : nd4jAllCores;
    }

    double best() {
      double b = Math.max(cores * nd4jOneThread, nd4jAllCores);
      return Double.isNaN(torchAllCores) ? b : Math.max(b, torchAllCores);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "sgemm GFLOP/s: ND4J %.1f on 1 thread (x %d cores = %.1f), %.1f on %d"
              + " threads; PyTorch %s on %d threads; machine's best %.1f",
          nd4jOneThread / 1e9,
          cores,
          cores * nd4jOneThread / 1e9,
          nd4jAllCores / 1e9,
          cores,
          Double.isNaN(torchAllCores)
              ? "not installed"
              : String.format(Locale.ROOT, "%.1f", torchAllCores / 1e9),
          cores,
          best() / 1e9);
    }
  }

  private SgemmPeak() {}

  public static void main(String[] args) {
    System.out.println("nd4j_blas " + Nd4j.factory().blas().getBlasVendor());
    Peaks p = measure();
    System.out.printf(Locale.ROOT, "nd4j_sgemm_gflops threads=1 %.1f%n", p.nd4jOneThread() / 1e9);
    System.out.printf(
        Locale.ROOT, "nd4j_sgemm_gflops threads=%d %.1f%n", p.cores(), p.nd4jAllCores() / 1e9);
    if (!Double.isNaN(p.torchAllCores()))
      System.out.printf(
          Locale.ROOT, "torch_sgemm_gflops threads=%d %.1f%n", p.cores(), p.torchAllCores() / 1e9);
  }

  /** All peaks, one after the other; ND4J's thread count is restored afterwards. */
  static Peaks measure() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new Peaks(cores, nd4j(1), nd4j(cores), torch(cores));
  }

  /**
   * ND4J's best FLOP/s at {@code threads} BLAS/OpenMP threads (1024³ and 2048³, best of 5 each).
   */
  static double nd4j(int threads) {
    int env = Nd4j.getEnvironment().maxThreads(), blas = Nd4j.factory().blas().getMaxThreads();
    Nd4j.factory().blas().setMaxThreads(threads);
    Nd4j.getEnvironment().setMaxThreads(threads);
    try {
      return Math.max(peak(1024, 5), peak(2048, 5));
    } finally {
      Nd4j.factory().blas().setMaxThreads(blas);
      Nd4j.getEnvironment().setMaxThreads(env);
    }
  }

  /** Best FLOP/s of {@code reps} n×n×n float multiplications ({@link SgemmRate}). */
  static double peak(int n, int reps) {
    return SgemmRate.gflops(n, reps) * 1e9;
  }

  /**
   * PyTorch's best FLOP/s (torch.mm, same sizes and repeats), or NaN when python3 or torch is
   * missing.
   */
  static double torch(int threads) {
    if (!Files.isExecutable(Path.of(PYTHON))) return Double.NaN;
    String script =
        String.join(
            "\n",
            "import time, torch",
            "torch.set_num_threads(" + threads + ")",
            "best = 0",
            "for n in (1024, 2048):",
            "    a, b = torch.rand(n, n), torch.rand(n, n)",
            "    a @ b",
            "    for _ in range(5):",
            "        t = time.perf_counter(); a @ b; best = max(best, 2 * n ** 3 / (time.perf_counter() - t))",
            "print(best)");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(PYTHON, "-c", script).redirectError(ProcessBuilder.Redirect.DISCARD);
      pb.environment().put("OMP_NUM_THREADS", String.valueOf(threads));
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor() == 0 ? Double.parseDouble(out) : Double.NaN;
    } catch (IOException | NumberFormatException e) {
      return Double.NaN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Double.NaN;
    }
  }
}
