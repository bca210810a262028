package org.lmforge.model.gpt;

import static org.lmforge.model.gpt.GptBlockLayer.B1;
import static org.lmforge.model.gpt.GptBlockLayer.B2;
import static org.lmforge.model.gpt.GptBlockLayer.BK;
import static org.lmforge.model.gpt.GptBlockLayer.BO;
import static org.lmforge.model.gpt.GptBlockLayer.BQ;
import static org.lmforge.model.gpt.GptBlockLayer.BV;
import static org.lmforge.model.gpt.GptBlockLayer.LN1_B;
import static org.lmforge.model.gpt.GptBlockLayer.LN1_G;
import static org.lmforge.model.gpt.GptBlockLayer.LN2_B;
import static org.lmforge.model.gpt.GptBlockLayer.LN2_G;
import static org.lmforge.model.gpt.GptBlockLayer.W1;
import static org.lmforge.model.gpt.GptBlockLayer.W2;
import static org.lmforge.model.gpt.GptBlockLayer.WK;
import static org.lmforge.model.gpt.GptBlockLayer.WO;
import static org.lmforge.model.gpt.GptBlockLayer.WQ;
import static org.lmforge.model.gpt.GptBlockLayer.WV;
import static org.lmforge.model.gpt.Kernels.matmul;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One pre-LayerNorm transformer block, forward and backward by hand:
 *
 * <pre>
 *   x1  = x  + Wo·attn(ln1(x))          attn: causal softmax(q·kᵀ/√hs + bias)·v per head
 *   out = x1 + W2·gelu(W1·ln2(x1))
 * </pre>
 *
 * Rows are the B·T positions ([N,d], N = B·T), so every projection is one 2-D matmul; attention
 * runs as a batched matmul over G groups of R query rows: G = B·H, R = T for multi-head attention,
 * and for multi-query attention (one K/V head) G = B, R = H·T with the heads folded into the rows,
 * so the shared keys are read once. The same function as {@link GptBlockLayer#defineLayer} (the
 * SameDiff reference; tests compare the two).
 */
final class GptBlock extends NativeLayer {
  private final int d, h, hs, t, kv;
  private final boolean multiQuery;
  private INDArray biasRow; // [1, H·T·T] causal (+ALiBi) bias, added to each batch row of scores

  GptBlock(NeuralNetConfiguration conf, DataType type, GptBlockLayer c) {
    super(conf, type);
    d = c.dModel;
    h = c.nHead;
    hs = d / h;
    t = c.contextLength;
    multiQuery = c.multiQuery;
    kv = multiQuery ? hs : d;
    try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
      biasRow = AttentionBias.matrix(h, t, c.alibi, type).reshape(1, (long) h * t * t);
    }
  }

  private int groups(long b) {
    return (int) (multiQuery ? b : b * h);
  }

  private int rows() {
    return multiQuery ? h * t : t;
  }

  /** [N, H·hs] (position-major) -> [G, R, hs] (head-major), a copy. */
  private INDArray headMajor(INDArray a, long b) {
    INDArray out = Nd4j.createUninitialized(dataType, groups(b), rows(), hs);
    toHeadMajor(a, b, out);
    return out;
  }

  /** [N, H·hs] (position-major) -> [G, R, hs] (head-major), written into {@code out}. */
  private void toHeadMajor(INDArray a, long b, INDArray out) {
    out.reshape(b, h, t, hs).assign(a.reshape(b, t, h, hs).permute(0, 2, 1, 3));
  }

  /** [G, R, hs] (head-major) -> [N, H·hs], written into {@code out}. */
  private void mergeHeads(INDArray a, long b, INDArray out) {
    out.reshape(b, t, h, hs).assign(a.reshape(b, h, t, hs).permute(0, 2, 1, 3));
  }

  /**
   * Keys/values into {@code out}: head-major for multi-head, as they are ([B,T,hs]) for the single
   * shared head.
   */
  private void toKvGroups(INDArray a, long b, INDArray out) {
    if (multiQuery) out.assign(a.reshape(b, t, hs));
    else toHeadMajor(a, b, out);
  }

  @Override
  protected void forward(INDArray x, INDArray out) {
    long b = x.size(0), n = b * t, f = 4L * d;
    int g = groups(b), r = rows();
    INDArray x2 = x.reshape(n, d);
    // attention
    INDArray a1 = layerNorm(x2, "1", LN1_G, LN1_B);
    INDArray q = Nd4j.createUninitialized(dataType, n, d),
        k = Nd4j.createUninitialized(dataType, n, kv),
        v = Nd4j.createUninitialized(dataType, n, kv);
    matmul(a1, false, param(WQ), false, q, 1, 0);
    matmul(a1, false, param(WK), false, k, 1, 0);
    matmul(a1, false, param(WV), false, v, 1, 0);
    INDArray q3 = buffer("q3", g, r, hs),
        k3 = buffer("k3", b * (multiQuery ? 1 : h), t, hs),
        v3 = buffer("v3", b * (multiQuery ? 1 : h), t, hs);
    toHeadMajor(q.addi(param(BQ)), b, q3);
    toKvGroups(k.addi(param(BK)), b, k3);
    toKvGroups(v.addi(param(BV)), b, v3);
    INDArray scores = Nd4j.createUninitialized(dataType, g, r, t);
    matmul(q3, false, k3, true, scores, 1.0 / Math.sqrt(hs), 0);
    scores.reshape(b, (long) h * t * t).addi(biasRow);
    INDArray p = buffer("p", g, r, t);
    Kernels.softmaxRows(scores.reshape((long) g * r, t), p.reshape((long) g * r, t), buffers());
    INDArray y3 = Nd4j.createUninitialized(dataType, g, r, hs);
    matmul(p, false, v3, false, y3, 1, 0);
    INDArray y = buffer("y", n, d);
    mergeHeads(y3, b, y);
    INDArray x1 = buffer("x1", n, d);
    x1.assign(x2).addi(param(BO));
    matmul(y, false, param(WO), false, x1, 1, 1);
    // MLP
    INDArray a2 = layerNorm(x1, "2", LN2_G, LN2_B);
    INDArray hPre = buffer("hPre", n, f), gate = buffer("gate", n, f), m = buffer("m", n, f);
    matmul(a2, false, param(W1), false, hPre, 1, 0);
    hPre.addi(param(B1));
    Kernels.gelu(hPre, gate, m);
    INDArray out2 = out.reshape(n, d);
    out2.assign(x1).addi(param(B2));
    matmul(m, false, param(W2), false, out2, 1, 1);
  }

  @Override
  protected void backward(INDArray dOut, INDArray dx) {
    long b = dOut.size(0), n = b * t, f = 4L * d;
    int g = groups(b), r = rows();
    INDArray dOut2 = dOut.reshape(n, d);
    // MLP: out = x1 + m·W2 + b2, m = gelu(hPre), hPre = a2·W1 + b1, a2 = ln2(x1)
    INDArray m = buffer("m", n, f), a2 = buffer("a2", n, d);
    matmul(m, true, dOut2, false, grad(W2), 1, 0);
    Kernels.columnSums(dOut2, grad(B2), buffers());
    INDArray dm = Nd4j.createUninitialized(dataType, n, f);
    matmul(dOut2, false, param(W2), true, dm, 1, 0);
    INDArray dh = Kernels.geluBackward(dm, buffer("hPre", n, f), buffer("gate", n, f));
    matmul(a2, true, dh, false, grad(W1), 1, 0);
    Kernels.columnSums(dh, grad(B1), buffers());
    INDArray da2 = Nd4j.createUninitialized(dataType, n, d);
    matmul(dh, false, param(W1), true, da2, 1, 0);
    INDArray dx1 = layerNormBackward(da2, "2", LN2_G, LN2_B).addi(dOut2);
    // attention: x1 = x + y·Wo + bo, y = merged heads of p·v
    matmul(buffer("y", n, d), true, dx1, false, grad(WO), 1, 0);
    Kernels.columnSums(dx1, grad(BO), buffers());
    INDArray dy = Nd4j.createUninitialized(dataType, n, d);
    matmul(dx1, false, param(WO), true, dy, 1, 0);
    INDArray dy3 = headMajor(dy, b);
    INDArray p = buffer("p", g, r, t), q3 = buffer("q3", g, r, hs);
    INDArray k3 = buffer("k3", b * (multiQuery ? 1 : h), t, hs),
        v3 = buffer("v3", b * (multiQuery ? 1 : h), t, hs);
    INDArray dp = Nd4j.createUninitialized(dataType, g, r, t);
    matmul(dy3, false, v3, true, dp, 1, 0);
    INDArray dv3 = Nd4j.createUninitialized(dataType, k3.shape());
    matmul(p, true, dy3, false, dv3, 1, 0);
    INDArray ds =
        Kernels.softmaxBackward(dp.reshape((long) g * r, t), p.reshape((long) g * r, t), buffers())
            .reshape(g, r, t);
    double scale = 1.0 / Math.sqrt(hs);
    INDArray dq3 = Nd4j.createUninitialized(dataType, g, r, hs),
        dk3 = Nd4j.createUninitialized(dataType, k3.shape());
    matmul(ds, false, k3, false, dq3, scale, 0);
    matmul(ds, true, q3, false, dk3, scale, 0);
    INDArray dq = Nd4j.createUninitialized(dataType, n, d);
    mergeHeads(dq3, b, dq);
    INDArray dk = kvRows(dk3, b), dv = kvRows(dv3, b);
    INDArray a1 = buffer("a1", n, d);
    matmul(a1, true, dq, false, grad(WQ), 1, 0);
    matmul(a1, true, dk, false, grad(WK), 1, 0);
    matmul(a1, true, dv, false, grad(WV), 1, 0);
    Kernels.columnSums(dq, grad(BQ), buffers());
    Kernels.columnSums(dk, grad(BK), buffers());
    Kernels.columnSums(dv, grad(BV), buffers());
    INDArray da1 = Nd4j.createUninitialized(dataType, n, d);
    matmul(dq, false, param(WQ), true, da1, 1, 0);
    matmul(dk, false, param(WK), true, da1, 1, 1);
    matmul(dv, false, param(WV), true, da1, 1, 1);
    INDArray dxLn = layerNormBackward(da1, "1", LN1_G, LN1_B);
    dx.reshape(n, d).assign(dx1).addi(dxLn);
  }

  /**
   * LayerNorm {@code which} ("1" before attention, "2" before the MLP) of rows x [N,d] into the
   * buffer "a" + which; keeps the normalised rows and reciprocal deviations ("xhat", "rstd" +
   * which) for {@link #layerNormBackward}.
   */
  private INDArray layerNorm(INDArray x, String which, String gain, String bias) {
    long n = x.size(0);
    INDArray xhat = buffer("xhat" + which, n, d), out = buffer("a" + which, n, d);
    Kernels.normalize(x, xhat, buffer("rstd" + which, n, 1), buffers());
    Kernels.affine(xhat, param(gain), param(bias), out);
    return out;
  }

  /**
   * From dL/d output of LayerNorm {@code which}: writes its gain and bias gradients, returns dL/d
   * input.
   */
  private INDArray layerNormBackward(INDArray dOut, String which, String gain, String bias) {
    long n = dOut.size(0);
    return Kernels.normBackward(
        dOut,
        param(gain),
        buffer("xhat" + which, n, d),
        buffer("rstd" + which, n, 1),
        grad(gain),
        grad(bias),
        buffers());
  }

  /** Gradient of keys/values back to [N, kv] rows. */
  private INDArray kvRows(INDArray a3, long b) {
    if (multiQuery) return a3.reshape(b * t, hs);
    INDArray out = Nd4j.createUninitialized(dataType, b * t, d);
    mergeHeads(a3, b, out);
    return out;
  }
}
