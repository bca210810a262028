package org.lmforge.model.gpt;

import java.util.Collection;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.impl.LossSparseMCXENT;

/**
 * The output head, d -> V logits, softmax and sparse cross-entropy on [B,T,d] (NWC): DL4J's {@link
 * RnnOutputLayer} configuration (same parameters "W" [d,V] and "b" [1,V], same score convention),
 * run by the hand-written {@link Head} unless {@code autodiff} asks for DL4J's own implementation,
 * the reference of the tests.
 */
public class HeadLayer extends RnnOutputLayer {
  private boolean autodiff;

  public HeadLayer() {}

  static HeadLayer of(GptConfig c, boolean autodiff) {
    HeadLayer h = new HeadLayer();
    h.setNIn(c.dModel());
    h.setNOut(c.vocabSize());
    h.setHasBias(true);
    h.setActivationFn(Activation.SOFTMAX.getActivationFunction());
    h.setLossFn(new LossSparseMCXENT());
    h.setRnnDataFormat(RNNFormat.NWC);
    h.setWeightInitFn(
        new WeightInitDistribution(new NormalDistribution(0, 0.02))); // overwritten by tying
    h.setAutodiff(autodiff);
    return h;
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
        new Head(conf, type), this, conf, index, paramsView, initialize, listeners);
  }

  public boolean isAutodiff() {
    return autodiff;
  }

  public void setAutodiff(boolean v) {
    autodiff = v;
  }
}
