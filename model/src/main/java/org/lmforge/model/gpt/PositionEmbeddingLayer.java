package org.lmforge.model.gpt;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Adds GPT-2's learned [T,d] position table to token embeddings [B,T,d]. */
public class PositionEmbeddingLayer extends SameDiffLayer {
  public static final String W = "wpe";
  private int dModel;
  private int contextLength;

  private boolean autodiff;

  public PositionEmbeddingLayer() { }

  public PositionEmbeddingLayer(GptConfig c) {
    dModel = c.dModel();
    contextLength = c.contextLength();
  }

  @Override public void defineParameters(SDLayerParams p) { p.addWeightParam(W, contextLength, dModel); }

  @Override public void initializeParameters(Map<String, INDArray> params) {
    INDArray w = params.get(W);
    w.assign(Nd4j.randn(w.dataType(), w.shape()).muli(0.02));
  }

  @Override public SDVariable defineLayer(SameDiff sd, SDVariable x, Map<String, SDVariable> p, SDVariable mask) {
    return x.add(p.get(W));   // [B,T,d] + [T,d], broadcast over the batch
  }

  /**
   * The hand-written layer ({@link PositionEmbedding}), or with {@code autodiff} the SameDiff graph of
   * {@link #defineLayer}: the reference the tests compare the hand-written backward pass against.
   */
  @Override public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
      Collection<TrainingListener> listeners, int index, INDArray paramsView, boolean initialize, DataType type) {
    if (autodiff) return super.instantiate(conf, listeners, index, paramsView, initialize, type);
    return LayerWiring.wire(new PositionEmbedding(conf, type), this, conf, index, paramsView, initialize, listeners);
  }

  public boolean isAutodiff() { return autodiff; }
  public void setAutodiff(boolean v) { autodiff = v; }

  @Override public InputType getOutputType(int layerIndex, InputType inputType) { return inputType; }

  @Override public void setNIn(InputType inputType, boolean override) { }

  public int getDModel() { return dModel; }
  public void setDModel(int v) { dModel = v; }
  public int getContextLength() { return contextLength; }
  public void setContextLength(int v) { contextLength = v; }
}
