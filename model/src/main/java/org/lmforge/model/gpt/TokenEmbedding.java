package org.lmforge.model.gpt;

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
 * The token embedding by hand: forward copies row id of W for every position (one row gather), backward adds each
 * position's gradient into row id of dW (one scatter-add). DL4J's EmbeddingSequenceLayer did the same work behind
 * input checks, casts and reshapes that made it the largest single cost of a small model's step.
 */
final class TokenEmbedding extends EmbeddingSequenceLayer {
  private int[] ids;   // the ids of the last forward pass, for backward

  TokenEmbedding(NeuralNetConfiguration conf, DataType type) { super(conf, type); }

  /** Token ids of the [B,T] input (floats holding integers), checked against the vocabulary. */
  private int[] ids() {
    INDArray in = Kernels.contiguous(input, input.dataType());
    long v = getParam("W").size(0), n = in.length();
    DataBuffer buf = in.data();
    int[] out = new int[(int) n];
    for (int i = 0; i < n; i++) {
      double id = buf.getDouble(in.offset() + i);
      if (id < 0 || id >= v || id != Math.rint(id))
        throw new IllegalArgumentException("token id " + id + " at position " + i + " is outside [0," + v + ")");
      out[i] = (int) id;
    }
    return out;
  }

  @Override public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(false);
    long b = input.size(0), t = input.size(1), d = getParam("W").size(1);
    ids = ids();
    INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, new long[] {b, t, d}, 'c');
    try (MemoryWorkspace ignored = LayerBuffers.scratch()) {
      Nd4j.pullRows(getParam("W"), out.reshape(b * t, d), 1, ids);
    }
    return out;
  }

  @Override public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(true);
    long d = getParam("W").size(1);
    INDArray dW = gradientViews.get("W");
    try (MemoryWorkspace ignored = LayerBuffers.scratch()) {
      INDArray delta = Kernels.contiguous(epsilon, dW.dataType()).reshape(ids.length, d);
      dW.assign(0);
      Nd4j.scatterUpdate(ScatterUpdate.UpdateOp.ADD, dW, Nd4j.createFromArray(ids), delta, 1);
    }
    Gradient g = new DefaultGradient();
    g.gradientForVariable().put("W", dW);
    return new Pair<>(g, null);   // the ids have no gradient
  }
}
