package org.lmforge.model.gpt;

import java.util.Collection;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The configuration of a layer that maps the [B,T,d] stream to [B,T,d] and runs as a hand-written
 * {@link NativeLayer} — or, with {@code autodiff}, as the SameDiff graph of its {@code
 * defineLayer}, the reference the tests compare the hand-written backward pass against. What the
 * block, the position table and the final norm share: d, the switch, the shapes and DL4J's wiring.
 * Public, with a no-arg constructor in each subclass and the settings as JSON properties, because
 * DL4J ships layer configurations as JSON.
 */
public abstract class StreamLayerConfig extends SameDiffLayer {
  @JsonProperty protected int dModel;
  private boolean autodiff;

  /** The hand-written layer for this configuration. */
  abstract NativeLayer handWritten(NeuralNetConfiguration conf, DataType type);

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
        handWritten(conf, type), this, conf, index, paramsView, initialize, listeners);
  }

  public boolean isAutodiff() {
    return autodiff;
  }

  public void setAutodiff(boolean v) {
    autodiff = v;
  }

  @Override
  public InputType getOutputType(int layerIndex, InputType inputType) {
    return inputType;
  }

  @Override
  public void setNIn(InputType inputType, boolean override) {}
}
