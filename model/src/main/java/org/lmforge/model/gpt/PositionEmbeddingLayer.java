package org.lmforge.model.gpt;

import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/** Adds GPT-2's learned [T,d] position table to token embeddings [B,T,d]. */
public class PositionEmbeddingLayer extends StreamLayerConfig {
  public static final String W = "wpe";
  @JsonProperty private int contextLength;

  public PositionEmbeddingLayer() {}

  public PositionEmbeddingLayer(GptConfig c) {
    dModel = c.dModel();
    contextLength = c.contextLength();
  }

  @Override
  public void defineParameters(SDLayerParams p) {
    p.addWeightParam(W, contextLength, dModel);
  }

  @Override
  public void initializeParameters(Map<String, INDArray> params) {
    INDArray w = params.get(W);
    w.assign(Nd4j.randn(w.dataType(), w.shape()).muli(0.02));
  }

  @Override
  public SDVariable defineLayer(
      SameDiff sd, SDVariable x, Map<String, SDVariable> p, SDVariable mask) {
    return x.add(p.get(W)); // [B,T,d] + [T,d], broadcast over the batch
  }

  @Override
  NativeLayer handWritten(NeuralNetConfiguration conf, DataType type) {
    return new PositionEmbedding(conf, type);
  }
}
