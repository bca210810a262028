package org.lmforge.model.train;

import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's fp32 matrix-multiply rate as the model's layers reach it: the {@link Mmul} op they execute
 * ({@code gpt.Kernels.matmul}), with the threads ND4J has in this JVM. {@code doctor} reports it
 * per executor; {@code SgemmPeak} takes the peaks MFU is given against from it.
 *
 * <p>The best single multiply after three untimed ones, not the mean of a loop: on a shared host a
 * timed loop is pulled down by whatever else runs. And not {@code INDArray.mmuli(b, c)}: a loop of
 * it measured 3–5× below the same BLAS call on this machine (60 vs 150 GFLOP/s at 1024³ on two
 * threads), which is not what training calls.
 */
public final class SgemmRate {
  private SgemmRate() {}

  /** GFLOP/s of the best of {@code reps} float [n,n]·[n,n] multiplications. */
  public static double gflops(int n, int reps) {
    INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
    INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
    INDArray c = Nd4j.create(DataType.FLOAT, n, n);
    MMulTranspose plain = MMulTranspose.builder().build();
    try {
      for (int i = 0; i < 3; i++) {
        Nd4j.exec(new Mmul(a, b, c, 1.0, 0.0, plain));
      }
      double best = 0;
      for (int i = 0; i < reps; i++) {
        long t = System.nanoTime();
        Nd4j.exec(new Mmul(a, b, c, 1.0, 0.0, plain));
        // a CUDA matrix multiply only queues work: wait for the device before reading the clock
        Nd4j.getExecutioner().commit();
        best = Math.max(best, 2.0 * n * n * n / ((System.nanoTime() - t) / 1e9) / 1e9);
      }
      return best;
    } finally {
      a.close();
      b.close();
      c.close();
    }
  }
}
