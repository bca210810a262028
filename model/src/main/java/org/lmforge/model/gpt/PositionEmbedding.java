package org.lmforge.model.gpt;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adds the learned [T,d] position table to each sequence of [B,T,d], forward and backward by hand.
 */
final class PositionEmbedding extends NativeLayer {
  PositionEmbedding(NeuralNetConfiguration conf, DataType type) {
    super(conf, type);
  }

  @Override
  protected void forward(INDArray x, INDArray out) {
    long b = x.size(0), td = x.size(1) * x.size(2);
    out.reshape(b, td)
        .assign(x.reshape(b, td))
        .addi(param(PositionEmbeddingLayer.W).reshape(1, td));
  }

  @Override
  protected void backward(INDArray dOut, INDArray dx) {
    long b = dOut.size(0), td = dOut.size(1) * dOut.size(2);
    Kernels.columnSums(dOut.reshape(b, td), grad(PositionEmbeddingLayer.W), buffers());
    dx.assign(dOut);
  }
}
