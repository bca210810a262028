package org.lmforge.model.gpt;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The final LayerNorm over [B,T,d], forward and backward by hand (see {@link NativeLayer}). */
final class FinalNorm extends NativeLayer {
  FinalNorm(NeuralNetConfiguration conf, DataType type) {
    super(conf, type);
  }

  @Override
  protected void forward(INDArray x, INDArray out) {
    long n = x.size(0) * x.size(1), d = x.size(2);
    INDArray xhat = buffer("xhat", n, d), rstd = buffer("rstd", n, 1);
    Kernels.normalize(x.reshape(n, d), xhat, rstd, buffers());
    Kernels.affine(xhat, param(FinalNormLayer.G), param(FinalNormLayer.B), out.reshape(n, d));
  }

  @Override
  protected void backward(INDArray dOut, INDArray dx) {
    long n = dOut.size(0) * dOut.size(1), d = dOut.size(2);
    dx.reshape(n, d)
        .assign(
            Kernels.normBackward(
                dOut.reshape(n, d),
                param(FinalNormLayer.G),
                buffer("xhat", n, d),
                buffer("rstd", n, 1),
                grad(FinalNormLayer.G),
                grad(FinalNormLayer.B),
                buffers()));
  }
}
