package org.lmforge.model.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's sgemm peak on this machine, for MFU: best of 5 multiplications of 1024² and 2048² float matrices, with
 * 1 BLAS thread (what one replica of the trainer uses) and with every core. Prints one line per thread count,
 * {@code nd4j_sgemm_gflops threads=T best}, and which BLAS ND4J loaded.
 * Usage: SgemmPeak (bin/bench-trainer runs it beside PyTorch's peak, in the same run).
 */
public final class SgemmPeak {
  public static void main(String[] args) {
    System.out.println("nd4j_blas " + Nd4j.factory().blas().getBlasVendor());
    for (int threads : new int[] {1, Runtime.getRuntime().availableProcessors()}) {
      Nd4j.factory().blas().setMaxThreads(threads);
      Nd4j.getEnvironment().setMaxThreads(threads);
      double best = Math.max(peak(1024, 5), peak(2048, 5));
      System.out.printf("nd4j_sgemm_gflops threads=%d %.1f%n", threads, best / 1e9);
    }
  }

  /** Best FLOP/s of {@code reps} n×n×n float multiplications after one warm-up. */
  static double peak(int n, int reps) {
    INDArray a = Nd4j.rand(DataType.FLOAT, n, n), b = Nd4j.rand(DataType.FLOAT, n, n), c = Nd4j.create(DataType.FLOAT, n, n);
    Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
    double best = 0;
    for (int i = 0; i < reps; i++) {
      long t = System.nanoTime();
      Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
      best = Math.max(best, 2.0 * n * n * n / ((System.nanoTime() - t) / 1e9));
    }
    return best;
  }
}
