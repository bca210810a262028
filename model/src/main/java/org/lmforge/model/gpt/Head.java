package org.lmforge.model.gpt;

import static org.lmforge.model.gpt.Kernels.matmul;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.RnnOutputLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The output head by hand: logits = h·W + b, p = softmax(logits), loss = -Σ log p[target]; backward
 * dlogits = p - onehot(target), written in place into p without ever building the [N,V] one-hot
 * matrix that DL4J's sparse cross-entropy makes (with its 3-D to 2-D copies, it was half of a small
 * model's step). Same conventions as DL4J's RnnOutputLayer, which {@link Gpt#computeGradient}
 * relies on: the score is the summed per-token loss divided by the batch size B, the parameter
 * gradients and the input gradient are sums over all B·T tokens.
 */
final class Head extends RnnOutputLayer {
  private final LayerBuffers buffers;
  // the score of the last backward pass, for computeScore on the same input and labels (DL4J asks
  // right after)
  private INDArray scoredInput, scoredLabels;
  private double scoredLoss;

  Head(NeuralNetConfiguration conf, DataType type) {
    super(conf, type);
    buffers = new LayerBuffers(type);
  }

  /** The input [B,T,d] as c-ordered rows [N,d] of this layer's type. */
  private INDArray rows() {
    return Kernels.contiguous(input, dataType)
        .reshape(input.size(0) * input.size(1), input.size(2));
  }

  /** Softmax probabilities [N,V] of rows h [N,d] in a reused buffer. */
  private INDArray probabilities(INDArray h) {
    INDArray p = buffers.get("p", h.size(0), getParam("W").size(1));
    matmul(h, false, getParam("W"), false, p, 1, 0);
    p.addi(getParam("b"));
    Kernels.softmaxRows(p, p, buffers);
    return p;
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(false);
    long b = input.size(0), t = input.size(1), v = getParam("W").size(1);
    return buffers.output(
        workspaceMgr,
        new long[] {b, t, v},
        out -> out.reshape(b * t, v).assign(probabilities(rows())));
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(
      INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(true);
    INDArray dx = buffers.inputGradient(workspaceMgr, input.shape(), this::backward);
    Gradient g = new DefaultGradient();
    g.gradientForVariable().put("W", gradientViews.get("W"));
    g.gradientForVariable().put("b", gradientViews.get("b"));
    return new Pair<>(g, dx);
  }

  /** Writes the parameter gradients into their views and dL/d input [B,T,d] into dx. */
  private void backward(INDArray dx) {
    INDArray h = rows();
    INDArray p = scoreAndDelta(h);
    matmul(h, true, p, false, gradientViews.get("W"), 1, 0);
    Kernels.columnSums(p, gradientViews.get("b"), buffers);
    matmul(p, false, getParam("W"), true, dx.reshape(h.size(0), h.size(1)), 1, 0);
  }

  /** Target ids of the N = B·T positions, from the [B,T,1] label array. */
  private int[] targets(long n) {
    INDArray l = Kernels.contiguous(labels, labels.dataType());
    long v = getParam("W").size(1);
    int[] y = new int[(int) n];
    for (int i = 0; i < n; i++) {
      double id = l.data().getDouble(i);
      if (id < 0 || id >= v || id != Math.rint(id))
        throw new IllegalArgumentException(
            "label " + id + " at position " + i + " is not a token id in [0," + v + ")");
      y[i] = (int) id;
    }
    return y;
  }

  /** Summed loss -Σ log p[i, y_i]; turns p into dlogits = p - onehot(y) in place. */
  private static double lossAndDelta(INDArray p, int[] y) {
    DataBuffer buf = p.data();
    long v = p.size(1), base = p.offset();
    double loss = 0;
    for (int i = 0; i < y.length; i++) {
      long at = base + i * v + y[i];
      double pi = buf.getDouble(at);
      loss -=
          Math.log(
              Math.max(
                  pi,
                  Double
                      .MIN_NORMAL)); // p underflows to 0 only if the logit gap exceeds ~87 (float)
      buf.put(at, pi - 1);
    }
    return loss;
  }

  /** Scores rows h against the labels (remembered for computeScore); returns dlogits [N,V]. */
  private INDArray scoreAndDelta(INDArray h) {
    INDArray p = probabilities(h);
    scoredLoss = lossAndDelta(p, targets(h.size(0))) / input.size(0);
    scoredInput = input;
    scoredLabels = labels;
    return p;
  }

  @Override
  public double computeScore(
      double fullNetRegTerm, boolean training, LayerWorkspaceMgr workspaceMgr) {
    if (input != scoredInput || labels != scoredLabels) {
      try (MemoryWorkspace ignored = LayerBuffers.scratch()) {
        scoreAndDelta(rows());
      }
    }
    score = scoredLoss + fullNetRegTerm;
    return score;
  }

  @Override
  public void clear() {
    super.clear();
    scoredInput = null;
    scoredLabels = null;
  }
}
