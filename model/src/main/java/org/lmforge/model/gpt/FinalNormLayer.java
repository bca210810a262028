package org.lmforge.model.gpt;

import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The final LayerNorm before the (tied) output head, on [B,T,d]. */
public class FinalNormLayer extends StreamLayerConfig {
  public static final String G = "lnfg", B = "lnfb"; // no '_': see GptBlockLayer

  public FinalNormLayer() {}

  public FinalNormLayer(GptConfig c) {
    dModel = c.dModel();
  }

  @Override
  public void defineParameters(SDLayerParams p) {
    p.addWeightParam(G, 1, dModel);
    p.addBiasParam(B, 1, dModel);
  }

  @Override
  public void initializeParameters(Map<String, INDArray> params) {
    params.get(G).assign(1.0);
    params.get(B).assign(0.0);
  }

  @Override
  public SDVariable defineLayer(
      SameDiff sd, SDVariable x, Map<String, SDVariable> p, SDVariable mask) {
    return GptBlockLayer.layerNorm(sd, x, p.get(G), p.get(B));
  }

  @Override
  NativeLayer handWritten(NeuralNetConfiguration conf, DataType type) {
    return new FinalNorm(conf, type);
  }
}
