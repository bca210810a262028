package org.lmforge.model.gpt;

import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The forward and backward maths the native layers share, written with plain ND4J ops on 2-D [rows,
 * features] arrays (or 3-D [batch, rows, cols] for the batched matmuls). Each function says which
 * arrays it writes; everything else it allocates lands in the caller's current workspace.
 *
 * <p>Per-call cost, not arithmetic, bounds small models on ND4J 1.0.0-M2.1, so the choice of op
 * matters: sums and means are small matmuls against a ones vector (a reduction op costs 2-3x more
 * per call), and broadcasts use the broadcasting arithmetic ops ({@code addi(row)}, {@code
 * muli(column)}) rather than the older {@code addiRowVector}-style ops, which cost 2x more.
 */
final class Kernels {
  static final double LN_EPS = 1e-5;
  // GPT-2's tanh GELU in its sigmoid form: 0.5·x·(1 + tanh u) = x·σ(2u), u = √(2/π)(x + 0.044715x³)
  static final double GELU_C1 = 2 * Math.sqrt(2 / Math.PI), GELU_C3 = GELU_C1 * 0.044715;

  private Kernels() {}

  /** a itself when it is a c-ordered, non-view array of this type, else such a copy. */
  static INDArray contiguous(INDArray a, org.nd4j.linalg.api.buffer.DataType type) {
    INDArray c = a.dataType() == type ? a : a.castTo(type);
    return c.ordering() == 'c' && !c.isView() ? c : c.dup('c');
  }

  /** out = op(a)·op(b)·alpha + beta·out, 2-D or batched 3-D; writes {@code out}. */
  static void matmul(
      INDArray a,
      boolean transA,
      INDArray b,
      boolean transB,
      INDArray out,
      double alpha,
      double beta) {
    MMulTranspose t = MMulTranspose.builder().transposeA(transA).transposeB(transB).build();
    Nd4j.exec(new Mmul(a, b, out, alpha, beta, t));
  }

  /**
   * LayerNorm statistics of x [N,d] over its last axis: writes the normalised {@code xhat} [N,d]
   * and the reciprocal standard deviation {@code rstd} [N,1] that the backward pass needs.
   */
  static void normalize(INDArray x, INDArray xhat, INDArray rstd, LayerBuffers buf) {
    long d = x.size(1);
    INDArray ones = buf.onesColumn(d);
    matmul(x, false, ones, false, rstd, -1.0 / d, 0); // rstd holds -mean for now
    xhat.assign(x).addi(rstd);
    matmul(xhat.mul(xhat), false, ones, false, rstd, 1.0 / d, 0); // variance
    // sqrt then reciprocal: ND4J 1.0.0-M2.1's rsqrt op is wrong (rsqrt(0.53) ≈ 149)
    Transforms.sqrt(rstd.addi(LN_EPS), false).rdivi(1.0);
    xhat.muli(rstd);
  }

  /** Writes the column sums of x [N,d] into out (d values, e.g. a [1,d] or [d] gradient view). */
  static void columnSums(INDArray x, INDArray out, LayerBuffers buf) {
    matmul(buf.onesRow(x.size(0)), false, x, false, out.reshape(1, x.size(1)), 1, 0);
  }

  /** out = xhat·gain + bias (gain, bias [1,d]); writes {@code out}. */
  static void affine(INDArray xhat, INDArray gain, INDArray bias, INDArray out) {
    out.assign(xhat).muli(gain).addi(bias);
  }

  /**
   * Backward of {@code y = xhat·g + b} with {@code xhat = (x - mean)·rstd}: writes d gain and d
   * bias (views into the flat gradient) and returns dx [N,d]. The standard closed form: dx =
   * rstd·(ĝ - mean(ĝ) - xhat·mean(ĝ·xhat)), ĝ = dy·g.
   */
  static INDArray normBackward(
      INDArray dy,
      INDArray gain,
      INDArray xhat,
      INDArray rstd,
      INDArray dGain,
      INDArray dBias,
      LayerBuffers buf) {
    long n = dy.size(0), d = dy.size(1);
    columnSums(dy.mul(xhat), dGain, buf);
    columnSums(dy, dBias, buf);
    INDArray g = dy.mul(gain);
    INDArray ones = buf.onesColumn(d);
    INDArray meanG = Nd4j.createUninitialized(dy.dataType(), n, 1),
        meanGx = Nd4j.createUninitialized(dy.dataType(), n, 1);
    matmul(g, false, ones, false, meanG, 1.0 / d, 0);
    matmul(g.mul(xhat), false, ones, false, meanGx, 1.0 / d, 0);
    return g.subi(meanG).subi(xhat.mul(meanGx)).muli(rstd);
  }

  /** GELU of h: writes the gate {@code s = σ(c1·h + c3·h³)} and {@code out = h·s}. */
  static void gelu(INDArray h, INDArray s, INDArray out) {
    s.assign(h).muli(h).muli(GELU_C3).addi(GELU_C1).muli(h);
    Transforms.sigmoid(s, false);
    out.assign(h).muli(s);
  }

  /** d GELU: dh = dOut·(s + h·s·(1-s)·(c1 + 3·c3·h²)); overwrites and returns {@code dOut}. */
  static INDArray geluBackward(INDArray dOut, INDArray h, INDArray s) {
    INDArray slope =
        h.mul(h).muli(3 * GELU_C3).addi(GELU_C1).muli(h).muli(s).muli(s.rsub(1.0)).addi(s);
    return dOut.muli(slope);
  }

  /**
   * Row softmax of scores [rows,cols] into {@code probs} (may be the same array): exp(s - rowmax),
   * divided by its row sum. Written out because ND4J's fused softmax op costs 1.2-1.6x more on
   * these shapes.
   */
  static void softmaxRows(INDArray scores, INDArray probs, LayerBuffers buf) {
    INDArray max = scores.max(true, 1);
    probs.assign(scores).subi(max);
    Transforms.exp(probs, false);
    INDArray sums = Nd4j.createUninitialized(probs.dataType(), probs.size(0), 1);
    matmul(probs, false, buf.onesColumn(probs.size(1)), false, sums, 1, 0);
    probs.divi(sums);
  }

  /** d softmax: dS = P·(dP - rowsum(dP·P)); overwrites and returns {@code dP} ([rows,cols]). */
  static INDArray softmaxBackward(INDArray dP, INDArray p, LayerBuffers buf) {
    INDArray dot = Nd4j.createUninitialized(p.dataType(), p.size(0), 1);
    matmul(dP.mul(p), false, buf.onesColumn(p.size(1)), false, dot, 1, 0);
    return dP.subi(dot).muli(p);
  }
}
