package org.lmforge.model.gpt;

import java.util.Collection;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The token embedding, ids [B,T] -> vectors [B,T,d] (NWC): DL4J's {@link EmbeddingSequenceLayer}
 * configuration (parameter "W" [V,d], no bias), run by the hand-written {@link TokenEmbedding}
 * unless {@code autodiff} asks for DL4J's own implementation, the reference of the tests.
 */
public class TokenEmbeddingLayer extends EmbeddingSequenceLayer {
  private boolean autodiff;

  public TokenEmbeddingLayer() {}

  static TokenEmbeddingLayer of(GptConfig c, boolean autodiff) {
    TokenEmbeddingLayer e = new TokenEmbeddingLayer();
    e.setNIn(c.vocabSize());
    e.setNOut(c.dModel());
    e.setHasBias(false);
    e.setInputLength(c.contextLength());
    e.setOutputFormat(RNNFormat.NWC);
    e.setActivationFn(Activation.IDENTITY.getActivationFunction());
    e.setWeightInitFn(new WeightInitDistribution(new NormalDistribution(0, 0.02)));
    e.setAutodiff(autodiff);
    return e;
  }

  @Override
  public org.deeplearning4j.nn.api.Layer instantiate(
      NeuralNetConfiguration conf,
      Collection<TrainingListener> listeners,
      int index,
      INDArray paramsView,
      boolean initialize,
      DataType type) {
    if (autodiff) return super.instantiate(conf, listeners, index, paramsView, initialize, type);
    return LayerWiring.wire(
        new TokenEmbedding(conf, type), this, conf, index, paramsView, initialize, listeners);
  }

  public boolean isAutodiff() {
    return autodiff;
  }

  public void setAutodiff(boolean v) {
    autodiff = v;
  }
}
