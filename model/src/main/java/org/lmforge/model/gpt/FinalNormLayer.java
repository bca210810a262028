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

/** The final LayerNorm before the (tied) output head, on [B,T,d]. */
public class FinalNormLayer extends SameDiffLayer {
  public static final String G = "lnf_g", B = "lnf_b";
  private int dModel;

  private boolean autodiff;

  public FinalNormLayer() { }

  public FinalNormLayer(GptConfig c) { dModel = c.dModel(); }

  @Override public void defineParameters(SDLayerParams p) {
    p.addWeightParam(G, 1, dModel);
    p.addBiasParam(B, 1, dModel);
  }

  @Override public void initializeParameters(Map<String, INDArray> params) {
    params.get(G).assign(1.0);
    params.get(B).assign(0.0);
  }

  @Override public SDVariable defineLayer(SameDiff sd, SDVariable x, Map<String, SDVariable> p, SDVariable mask) {
    return GptBlockLayer.layerNorm(sd, x, p.get(G), p.get(B));
  }

  /**
   * The hand-written layer ({@link FinalNorm}), or with {@code autodiff} the SameDiff graph of
   * {@link #defineLayer}: the reference the tests compare the hand-written backward pass against.
   */
  @Override public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
      Collection<TrainingListener> listeners, int index, INDArray paramsView, boolean initialize, DataType type) {
    if (autodiff) return super.instantiate(conf, listeners, index, paramsView, initialize, type);
    return LayerWiring.wire(new FinalNorm(conf, type), this, conf, index, paramsView, initialize, listeners);
  }

  public boolean isAutodiff() { return autodiff; }
  public void setAutodiff(boolean v) { autodiff = v; }

  @Override public InputType getOutputType(int layerIndex, InputType inputType) { return inputType; }

  @Override public void setNIn(InputType inputType, boolean override) { }

  public int getDModel() { return dModel; }
  public void setDModel(int v) { dModel = v; }
}
