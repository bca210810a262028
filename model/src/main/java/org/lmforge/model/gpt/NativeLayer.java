package org.lmforge.model.gpt;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A GPT layer whose forward and backward passes are written by hand in ND4J ops, instead of being
 * interpreted from a SameDiff graph on every call (which cost ~60 ms per training step, 85% of it
 * in SameDiff's interpreter, whatever the model size: see docs/model.md). The layer keeps its
 * SameDiff configuration class for everything else — parameter names, shapes, order and
 * initialisation, JSON — so checkpoints and the flat parameter layout are unchanged, and that
 * class's {@code defineLayer} remains the reference the tests compare against ({@code autodiff =
 * true}).
 *
 * <p>Memory: see {@link LayerBuffers}; the output and the input gradient go to the workspaces DL4J
 * asks for.
 */
abstract class NativeLayer extends SameDiffLayer {
  private final LayerBuffers buffers;

  NativeLayer(NeuralNetConfiguration conf, DataType type) {
    super(conf, type);
    buffers = new LayerBuffers(type);
  }

  /**
   * Output for input x [B,T,d] (c order); writes {@code out} [B,T,d] and keeps what backward needs.
   */
  protected abstract void forward(INDArray x, INDArray out);

  /**
   * From dL/d output [B,T,d]: writes every parameter gradient into {@link #grad} views, writes dL/d
   * input into dx.
   */
  protected abstract void backward(INDArray dOut, INDArray dx);

  protected INDArray param(String key) {
    return paramTable.get(key);
  }

  protected INDArray grad(String key) {
    return gradTable.get(key);
  }

  /**
   * A detached buffer kept between calls (re-made only when its shape changes, e.g. another batch
   * size).
   */
  protected INDArray buffer(String name, long... shape) {
    return buffers.get(name, shape);
  }

  protected LayerBuffers buffers() {
    return buffers;
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(false);
    applyDropOutIfNecessary(training, workspaceMgr);
    return buffers.output(workspaceMgr, input.shape(), out -> forward(contiguous(input), out));
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(
      INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(true);
    INDArray dx =
        buffers.inputGradient(
            workspaceMgr, input.shape(), out -> backward(contiguous(epsilon), out));
    Gradient g = new DefaultGradient();
    for (String key : paramTable.keySet()) g.gradientForVariable().put(key, gradTable.get(key));
    return new Pair<>(g, backpropDropOutIfPresent(dx));
  }

  private INDArray contiguous(INDArray a) {
    return Kernels.contiguous(a, dataType);
  }
}
