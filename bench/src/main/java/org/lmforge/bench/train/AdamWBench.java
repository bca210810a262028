package org.lmforge.bench.train;

import org.lmforge.bench.BenchArgs;
import org.lmforge.model.train.AdamW;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Wall time of one AdamW update of N float parameters (the driver's update of a data-parallel
 * step). {@code AdamWBench [N=25000000] [reps=10]}
 */
public final class AdamWBench {
  public static void main(String[] args) {
    int n = BenchArgs.intAt(args, 0, 25_000_000);
    int reps = BenchArgs.intAt(args, 1, 10);
    INDArray p = Nd4j.rand(DataType.FLOAT, n),
        g = Nd4j.rand(DataType.FLOAT, n),
        mask = Nd4j.ones(DataType.FLOAT, n);
    AdamW opt = new AdamW(n, mask, 0.9, 0.95, 1e-8, 0.1);
    for (int i = 0; i < 3; i++) opt.update(p, g, 0.5, 1e-3);
    long t0 = System.nanoTime();
    for (int i = 0; i < reps; i++) opt.update(p, g, 0.5, 1e-3);
    System.out.printf(
        "AdamW update of %,d floats: %.1f ms%n", n, (System.nanoTime() - t0) / 1e6 / reps);
  }
}
