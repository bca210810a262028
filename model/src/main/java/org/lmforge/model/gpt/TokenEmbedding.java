package org.lmforge.model.gpt;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.embedding.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scatter.ScatterUpdate;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The token embedding by hand: forward copies row id of W for every position (one row gather),
 * backward adds each position's gradient into row id of dW (one scatter-add). DL4J's
 * EmbeddingSequenceLayer did the same work behind input checks, casts and reshapes that made it the
 * largest single cost of a small model's step; ND4J's pullRows and scatterUpdate then still took
 * 36% and 10% of the CPU of a d=16 model's step (profiled), so dense float and double arrays are
 * gathered and scattered by Java loops over their buffers (a few microseconds).
 */
final class TokenEmbedding extends EmbeddingSequenceLayer {
  private int[] ids; // the ids of the last forward pass, for backward

  TokenEmbedding(NeuralNetConfiguration conf, DataType type) {
    super(conf, type);
  }

  /** Token ids of the [B,T] input (floats holding integers), checked against the vocabulary. */
  private int[] ids() {
    INDArray in = Kernels.contiguous(input, input.dataType());
    long v = getParam("W").size(0), n = in.length();
    DataBuffer buf = in.data();
    int[] out = new int[(int) n];
    for (int i = 0; i < n; i++) {
      double id = buf.getDouble(in.offset() + i);
      if (id < 0 || id >= v || id != Math.rint(id))
        throw new IllegalArgumentException(
            "token id " + id + " at position " + i + " is outside [0," + v + ")");
      out[i] = (int) id;
    }
    return out;
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(false);
    long b = input.size(0), t = input.size(1), d = getParam("W").size(1);
    ids = ids();
    INDArray out =
        workspaceMgr.createUninitialized(
            ArrayType.ACTIVATIONS, dataType, new long[] {b, t, d}, 'c');
    INDArray w = getParam("W");
    if (w.rank() == 2 && out.ordering() == 'c' && HostVectors.dense(w.dataType(), w, out)) {
      gather(w, out, (int) d);
    } else {
      try (MemoryWorkspace ignored = LayerBuffers.scratch()) {
        Nd4j.pullRows(w, out.reshape(b * t, d), 1, ids);
      }
    }
    return out;
  }

  /** out row i = W row ids[i]; W is DL4J's column-major [V,d] view, out row-major [B·T,d]. */
  private void gather(INDArray w, INDArray out, int d) {
    int rs = HostVectors.rowStride(w), cs = HostVectors.columnStride(w);
    if (w.dataType() == DataType.FLOAT) {
      FloatBuffer from = HostVectors.floats(w), to = HostVectors.floats(out);
      for (int i = 0; i < ids.length; i++) {
        for (int j = 0, row = ids[i] * rs; j < d; j++) to.put(i * d + j, from.get(row + j * cs));
      }
    } else {
      DoubleBuffer from = HostVectors.doubles(w), to = HostVectors.doubles(out);
      for (int i = 0; i < ids.length; i++) {
        for (int j = 0, row = ids[i] * rs; j < d; j++) to.put(i * d + j, from.get(row + j * cs));
      }
    }
  }

  /** dW row ids[i] += delta row i, in position order (so the sums are the same from run to run). */
  private void scatterAdd(INDArray delta, INDArray dW, int d) {
    int rs = HostVectors.rowStride(dW), cs = HostVectors.columnStride(dW);
    if (dW.dataType() == DataType.FLOAT) {
      FloatBuffer from = HostVectors.floats(delta), to = HostVectors.floats(dW);
      for (int i = 0; i < ids.length; i++) {
        for (int j = 0, row = ids[i] * rs; j < d; j++)
          to.put(row + j * cs, to.get(row + j * cs) + from.get(i * d + j));
      }
    } else {
      DoubleBuffer from = HostVectors.doubles(delta), to = HostVectors.doubles(dW);
      for (int i = 0; i < ids.length; i++) {
        for (int j = 0, row = ids[i] * rs; j < d; j++)
          to.put(row + j * cs, to.get(row + j * cs) + from.get(i * d + j));
      }
    }
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(
      INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(true);
    long d = getParam("W").size(1);
    INDArray dW = gradientViews.get("W");
    try (MemoryWorkspace ignored = LayerBuffers.scratch()) {
      INDArray delta = Kernels.contiguous(epsilon, dW.dataType()).reshape(ids.length, d);
      dW.assign(0);
      if (dW.rank() == 2
          && delta.ordering() == 'c'
          && HostVectors.dense(dW.dataType(), dW, delta)) {
        scatterAdd(delta, dW, (int) d);
      } else {
        Nd4j.scatterUpdate(ScatterUpdate.UpdateOp.ADD, dW, Nd4j.createFromArray(ids), delta, 1);
      }
    }
    Gradient g = new DefaultGradient();
    g.gradientForVariable().put("W", dW);
    return new Pair<>(g, null); // the ids have no gradient
  }
}
