package org.lmforge.model.gpt;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What DL4J's own layer configurations do in {@code instantiate}, for the configurations that build
 * a hand-written layer.
 */
final class LayerWiring {
  private LayerWiring() {}

  static <L extends Layer> L wire(
      L layer,
      org.deeplearning4j.nn.conf.layers.Layer layerConf,
      NeuralNetConfiguration conf,
      int index,
      INDArray paramsView,
      boolean initialize,
      Collection<TrainingListener> listeners) {
    if (listeners != null) layer.setListeners(listeners);
    layer.setIndex(index);
    layer.setParamsViewArray(paramsView);
    layer.setParamTable(layerConf.initializer().init(conf, paramsView, initialize));
    layer.setConf(conf);
    return layer;
  }
}
