package org.lmforge.model.eval;

import org.lmforge.model.gpt.Gpt;
import org.lmforge.model.train.BatchSampler;
import org.lmforge.model.train.TokenStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scores a model on a FIXED validation set: consecutive non-overlapping windows from the start of
 * the stream, up to maxTokens, so that every evaluation of a run (and of runs to compare) sees the
 * same tokens.
 */
public final class Evaluator {
  private final BatchSampler windows;
  private final int rows;
  private final int batchSize;
  private final double bytesPerToken;

  public Evaluator(TokenStream val, int contextLength, int batchSize, long maxTokens) {
    this.windows = new BatchSampler(val, contextLength, 0, BatchSampler.Mode.SEQUENTIAL);
    long available = (val.size() - 1) / contextLength;
    this.rows = (int) Math.max(1, Math.min(available, maxTokens / contextLength));
    this.batchSize = batchSize;
    this.bytesPerToken = val.bytesPerToken();
  }

  public EvalResult evaluate(Gpt model) {
    double sum = 0;
    long n = 0;
    for (int r = 0; r < rows; r += batchSize) {
      BatchSampler.Batch b = windows.batch(r, Math.min(batchSize, rows - r));
      sum += crossEntropySum(model, b.x(), b.y());
      n += b.tokens();
    }
    return EvalResult.of(sum / n, n, bytesPerToken);
  }

  /** Sum over all positions of -ln p(target), from the model's softmax output (inference mode). */
  public static double crossEntropySum(Gpt model, int[][] x, int[][] y) {
    INDArray p = model.probabilities(x); // [B,T,V]
    double s = 0;
    int tLen = x[0].length, v = (int) p.size(2);
    if ((long) x.length * tLen * v <= (1 << 24)) { // one bulk copy instead of B·T native calls
      INDArray c = p.dup('c');
      double[] all = c.data().asDouble();
      Gpt.release(c);
      for (int i = 0; i < x.length; i++)
        for (int t = 0; t < tLen; t++)
          s -= Math.log(Math.max(all[(i * tLen + t) * v + y[i][t]], 1e-30));
    } else {
      for (int i = 0; i < x.length; i++)
        for (int t = 0; t < tLen; t++) s -= Math.log(Math.max(p.getDouble(i, t, y[i][t]), 1e-30));
    }
    Gpt.release(p);
    return s;
  }

  public int tokens() {
    return rows * windows.batch(0, 1).tokens();
  }
}
