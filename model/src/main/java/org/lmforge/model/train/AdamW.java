package org.lmforge.model.train;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.stream.IntStream;
import org.lmforge.model.gpt.HostVectors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * AdamW (Loshchilov &amp; Hutter 2019) on flat parameter/gradient vectors, PyTorch's formulation:
 * {@code p -= lr·wd·mask·p; m = b1·m + (1-b1)·g; v = b2·v + (1-b2)·g²; p -= lr·m̂/(√v̂ + eps)}. It
 * works on whole vectors so that a data-parallel trainer can apply the same update from an
 * all-reduced gradient on every replica; {@link #state()} / {@link #load} carry its state between
 * processes.
 *
 * <p>Float and double vectors are updated in one fused pass over parameters, gradient and both
 * moments, split into chunks across the common fork-join pool. The update runs on the driver while
 * every replica waits for it, and as ~17 single-threaded ND4J elementwise passes it took 0.66 s of
 * a 4.95 s step at 30M parameters. Each element's arithmetic is independent of the others, so the
 * chunking cannot change a single bit of the result.
 */
public final class AdamW {
  /**
   * Elements per parallel chunk: small enough to use every core at 1M parameters, large enough to
   * amortise.
   */
  private static final int CHUNK = 1 << 18;

  /**
   * Per-thread heap copies of one chunk of parameters, gradient, both moments and the decay mask.
   */
  private static final ThreadLocal<float[][]> SCRATCH =
      ThreadLocal.withInitial(() -> new float[5][CHUNK]);

  private final double beta1, beta2, eps, weightDecay;
  private final INDArray decayMask; // 1 where weight decay applies
  private final INDArray m, v;
  private INDArray scratch; // the unfused path's temporaries (other data types), made on first use
  private long t; // updates applied so far

  public AdamW(
      long n, INDArray decayMask, double beta1, double beta2, double eps, double weightDecay) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.decayMask = decayMask;
    this.m = Nd4j.zeros(decayMask.dataType(), n);
    this.v = Nd4j.zeros(decayMask.dataType(), n);
  }

  /** One update of params (in place) from grad (already clipped). grad is left unchanged. */
  public void update(INDArray params, INDArray grad, double lr) {
    update(params, grad, 1, lr);
  }

  /**
   * One update of params (in place) from {@code gradScale · grad}: the scale (averaging over
   * replicas, clipping) is applied element by element inside the update instead of by a pass of its
   * own. grad is left unchanged.
   */
  public void update(INDArray params, INDArray grad, double gradScale, double lr) {
    t++;
    Step k = step(gradScale, lr);
    DataType type = params.dataType();
    if (HostVectors.dense(type, params, grad, m, v, decayMask)) {
      int n = (int) params.length();
      int chunks = (n + CHUNK - 1) / CHUNK;
      IntStream.range(0, chunks)
          .parallel()
          .forEach(
              c -> {
                int from = c * CHUNK, to = Math.min(n, from + CHUNK);
                if (type == DataType.FLOAT) updateFloats(params, grad, k, from, to);
                else updateDoubles(params, grad, k, from, to);
              });
      return;
    }
    updateUnfused(params, grad, k);
  }

  /**
   * The scalars of one update, the same for every element: lr·m̂/(√v̂ + eps) = (lr/bc1)·m /
   * (√v/√bc2 + eps) with the bias corrections bc1 = 1 - beta1^t, bc2 = 1 - beta2^t.
   *
   * @param decay lr·weightDecay
   * @param rootBc2 √bc2
   * @param step lr/bc1
   */
  private record Step(double gradScale, double decay, double rootBc2, double step) {}

  /** The scalars of update {@link #t}. */
  private Step step(double gradScale, double lr) {
    double bc1 = 1 - Math.pow(beta1, t), bc2 = 1 - Math.pow(beta2, t);
    return new Step(gradScale, lr * weightDecay, Math.sqrt(bc2), lr / bc1);
  }

  private void updateFloats(INDArray params, INDArray grad, Step k, int from, int to) {
    // Bulk copies of the chunk into heap arrays, one tight loop the JIT vectorises, bulk copies
    // back: element-wise
    // get/put on ND4J's NIO views of off-heap memory cost ~4 ns each (the first fused version still
    // took 0.5 s
    // per step at 30M parameters).
    int len = to - from;
    float[][] s = SCRATCH.get();
    float[] p = s[0], g = s[1], mm = s[2], vv = s[3], mask = s[4];
    FloatBuffer pb = HostVectors.floats(params),
        mb = HostVectors.floats(m),
        vb = HostVectors.floats(v);
    pb.get(from, p, 0, len);
    HostVectors.floats(grad).get(from, g, 0, len);
    mb.get(from, mm, 0, len);
    vb.get(from, vv, 0, len);
    HostVectors.floats(decayMask).get(from, mask, 0, len);
    float gs = (float) k.gradScale(), b1 = (float) beta1, b2 = (float) beta2, e = (float) eps;
    float decay = (float) k.decay(), rootBc2 = (float) k.rootBc2(), step = (float) k.step();
    for (int i = 0; i < len; i++) {
      float gi = g[i] * gs;
      float pi = p[i] - decay * mask[i] * p[i];
      float mi = b1 * mm[i] + (1 - b1) * gi;
      float vi = b2 * vv[i] + (1 - b2) * gi * gi;
      mm[i] = mi;
      vv[i] = vi;
      p[i] = pi - mi / ((float) Math.sqrt(vi) / rootBc2 + e) * step;
    }
    pb.put(from, p, 0, len);
    mb.put(from, mm, 0, len);
    vb.put(from, vv, 0, len);
  }

  private void updateDoubles(INDArray params, INDArray grad, Step k, int from, int to) {
    DoubleBuffer p = HostVectors.doubles(params),
        g = HostVectors.doubles(grad),
        mm = HostVectors.doubles(m),
        vv = HostVectors.doubles(v),
        mask = HostVectors.doubles(decayMask);
    double decay = k.decay(), rootBc2 = k.rootBc2(), step = k.step();
    for (int i = from; i < to; i++) {
      double gi = g.get(i) * k.gradScale();
      double pi = p.get(i);
      pi -= decay * mask.get(i) * pi;
      double mi = beta1 * mm.get(i) + (1 - beta1) * gi;
      double vi = beta2 * vv.get(i) + (1 - beta2) * gi * gi;
      mm.put(i, mi);
      vv.put(i, vi);
      p.put(i, pi - mi / (Math.sqrt(vi) / rootBc2 + eps) * step);
    }
  }

  /**
   * The same update as ND4J ops, for data types Java cannot address directly (half precision) and
   * strided views. Every intermediate goes through one preallocated scratch vector: the update runs
   * outside DL4J's workspaces, so each temporary would be a fresh off-heap array freed only when
   * the GC happens to collect its small Java wrapper (5 flat-vector temporaries per step made the
   * RSS climb by ~1 GiB per 1,000 steps of a 0.44M model).
   */
  private void updateUnfused(INDArray params, INDArray grad, Step k) {
    if (scratch == null) scratch = Nd4j.zeros(decayMask.dataType(), m.length());
    INDArray g = k.gradScale() == 1 ? grad : grad.mul(k.gradScale());
    if (weightDecay > 0) params.subi(scratch.assign(decayMask).muli(params).muli(k.decay()));
    m.muli(beta1).addi(scratch.assign(g).muli(1 - beta1));
    v.muli(beta2).addi(scratch.assign(g).muli(g).muli(1 - beta2));
    Transforms.sqrt(scratch.assign(v), false).divi(k.rootBc2()).addi(eps);
    params.subi(scratch.rdivi(m).muli(k.step()));
    if (g != grad) g.close();
  }

  /** First and second moments (live views) and the update count. */
  public State state() {
    return new State(m, v, t);
  }

  public void load(State s) {
    if (s.m().length() != m.length())
      throw new IllegalArgumentException(
          "optimiser state has " + s.m().length() + " entries, model has " + m.length());
    m.assign(s.m());
    v.assign(s.v());
    t = s.t();
  }

  public void reset() {
    m.assign(0);
    v.assign(0);
    t = 0;
  }

  public record State(INDArray m, INDArray v, long t) {}
}
