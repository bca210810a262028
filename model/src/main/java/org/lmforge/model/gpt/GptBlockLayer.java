package org.lmforge.model.gpt;

import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * One pre-LayerNorm transformer block as a DL4J {@link SameDiffLayer}: {@code x + attn(ln1(x))},
 * then {@code x + mlp(ln2(x))}, on activations laid out [B,T,d] (NWC).
 *
 * <p>Each block is its own small SameDiff graph; DL4J's ComputationGraph chains them and runs
 * backprop layer by layer. A single whole-model SameDiff graph is ~200x slower per step on ND4J
 * 1.0.0-M2.1 (see docs/model.md). The settings are JSON properties and there is a no-arg
 * constructor because DL4J ships layer configs as JSON; {@link GptBlock} reads them.
 */
public class GptBlockLayer extends StreamLayerConfig {
  // No '_' in a parameter key: DL4J's updater finds a gradient's layer by cutting the key
  // "block0_ln1g" at its last '_' (so DL4J's own fit, and its Spark training masters, can train
  // this model; Dl4jTrainingMasterTest)
  public static final String LN1_G = "ln1g",
      LN1_B = "ln1b",
      WQ = "wq",
      BQ = "bq",
      WK = "wk",
      BK = "bk",
      WV = "wv",
      BV = "bv",
      WO = "wo",
      BO = "bo",
      LN2_G = "ln2g",
      LN2_B = "ln2b",
      W1 = "w1",
      B1 = "b1",
      W2 = "w2",
      B2 = "b2";
  static final double LN_EPS = Kernels.LN_EPS;

  @JsonProperty int nHead;
  @JsonProperty int contextLength;
  @JsonProperty int nLayer;
  @JsonProperty boolean multiQuery;
  @JsonProperty boolean alibi;

  public GptBlockLayer() {}

  public GptBlockLayer(GptConfig c) {
    this.dModel = c.dModel();
    this.nHead = c.nHead();
    this.contextLength = c.contextLength();
    this.nLayer = c.nLayer();
    this.multiQuery = c.multiQuery();
    this.alibi = c.positional() == GptConfig.Positional.ALIBI;
  }

  private int kvDim() {
    return multiQuery ? dModel / nHead : dModel;
  }

  @Override
  public void defineParameters(SDLayerParams p) {
    long d = dModel, kv = kvDim();
    p.addWeightParam(LN1_G, 1, d);
    p.addBiasParam(LN1_B, 1, d);
    p.addWeightParam(WQ, d, d);
    p.addBiasParam(BQ, 1, d);
    p.addWeightParam(WK, d, kv);
    p.addBiasParam(BK, 1, kv);
    p.addWeightParam(WV, d, kv);
    p.addBiasParam(BV, 1, kv);
    p.addWeightParam(WO, d, d);
    p.addBiasParam(BO, 1, d);
    p.addWeightParam(LN2_G, 1, d);
    p.addBiasParam(LN2_B, 1, d);
    p.addWeightParam(W1, d, 4 * d);
    p.addBiasParam(B1, 1, 4 * d);
    p.addWeightParam(W2, 4 * d, d);
    p.addBiasParam(B2, 1, d);
  }

  /**
   * GPT-2 initialisation: N(0, 0.02), residual projections N(0, 0.02/sqrt(2·nLayer)), zero biases,
   * unit gains.
   */
  @Override
  public void initializeParameters(Map<String, INDArray> params) {
    double residualStd = 0.02 / Math.sqrt(2.0 * nLayer);
    for (Map.Entry<String, INDArray> e : params.entrySet()) {
      String k = e.getKey();
      INDArray a = e.getValue();
      switch (k) {
        case LN1_G, LN2_G -> a.assign(1.0);
        case WQ, WK, WV, W1 -> a.assign(Nd4j.randn(a.dataType(), a.shape()).muli(0.02));
        case WO, W2 -> a.assign(Nd4j.randn(a.dataType(), a.shape()).muli(residualStd));
        default -> a.assign(0.0);
      }
    }
  }

  @Override
  public SDVariable defineLayer(
      SameDiff sd, SDVariable x, Map<String, SDVariable> p, SDVariable mask) {
    int d = dModel, h = nHead, hs = d / h, t = contextLength;
    // attention: [B,T,d] -> [B*T,d] so that each projection is one 2-D matmul
    SDVariable a = layerNorm(sd, x, p.get(LN1_G), p.get(LN1_B)).reshape(-1, d);
    SDVariable q = a.mmul(p.get(WQ)).add(p.get(BQ));
    SDVariable k = a.mmul(p.get(WK)).add(p.get(BK));
    SDVariable v = a.mmul(p.get(WV)).add(p.get(BV));
    SDVariable scale, bias;
    // constants must live outside DL4J's layer workspaces, which are reused (and overwritten) every
    // step
    try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
      scale = sd.constant(Nd4j.scalar(x.dataType(), 1.0 / Math.sqrt(hs)));
      bias =
          sd.constant(AttentionBias.matrix(h, t, alibi, x.dataType())); // [H,T,T]: causal (+ALiBi)
    }
    SDVariable y;
    if (!multiQuery) {
      // [B*T,d] -> [B,T,H,hs] -> [B,H,T,hs]: all heads in one batched matmul
      q = q.reshape(-1, t, h, hs).permute(0, 2, 1, 3);
      k = k.reshape(-1, t, h, hs).permute(0, 2, 1, 3);
      v = v.reshape(-1, t, h, hs).permute(0, 2, 1, 3);
      SDVariable att = sd.mmul(q, k, false, true, false).mul(scale).add(bias); // [B,H,T,T]
      att = sd.nn.softmax(att, 3);
      y = sd.mmul(att, v); // [B,H,T,hs]
    } else {
      // one K/V head shared by all query heads: fold heads into the query rows, [B,H*T,hs] x
      // [B,hs,T]
      q = q.reshape(-1, t, h, hs).permute(0, 2, 1, 3).reshape(-1, (long) h * t, hs);
      k = k.reshape(-1, t, hs);
      v = v.reshape(-1, t, hs);
      SDVariable att = sd.mmul(q, k, false, true, false).reshape(-1, h, t, t).mul(scale).add(bias);
      att = sd.nn.softmax(att, 3).reshape(-1, (long) h * t, t);
      y = sd.mmul(att, v).reshape(-1, h, t, hs); // [B,H,T,hs]
    }
    y = y.permute(0, 2, 1, 3).reshape(-1, d); // merge heads: [B*T,d]
    y = y.mmul(p.get(WO)).add(p.get(BO)).reshape(-1, t, d);
    SDVariable x1 = x.add(y);
    // MLP: d -> 4d -> d with GPT-2's tanh-approximated GELU
    SDVariable m = layerNorm(sd, x1, p.get(LN2_G), p.get(LN2_B)).reshape(-1, d);
    m = gelu(m.mmul(p.get(W1)).add(p.get(B1)));
    m = m.mmul(p.get(W2)).add(p.get(B2)).reshape(-1, t, d);
    return x1.add(m);
  }

  /**
   * GPT-2's tanh-approximated GELU, {@code 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))}, written in
   * the identical form {@code x·σ(2√(2/π)·(x + 0.044715·x³))} (since {@code 0.5·(1 + tanh u) =
   * σ(2u)}). Not ND4J's {@code precise_gelu}: on 1.0.0-M2.1 it computes {@code x + (0.044715·x)³}
   * inside the tanh (a misplaced power; GELU(-3) = -0.0247 instead of -0.0036), and it and its
   * derivative are also slow (1M floats, 1 thread: 35 + 93 ms forward + derivative, against a
   * 2048x512x128 matmul at 10 ms).
   */
  static SDVariable gelu(SDVariable x) {
    double c1 = 2 * Math.sqrt(2 / Math.PI), c3 = c1 * 0.044715;
    return x.mul(x.getSameDiff().nn.sigmoid(x.mul(x.mul(x).mul(c3).add(c1))));
  }

  /** LayerNorm over the last axis of [B,T,d], written out (the fused op measured no faster). */
  static SDVariable layerNorm(SameDiff sd, SDVariable x, SDVariable gain, SDVariable bias) {
    // axis 2, not -1: inside a DL4J SameDiffLayer a negative axis reduces the wrong way (garbage,
    // then NaN)
    SDVariable c = x.sub(x.mean(true, 2));
    SDVariable var = c.mul(c).mean(true, 2);
    // sd.math.rsqrt returns wrong values on ND4J 1.0.0-M2.1 (rsqrt(0.53) ≈ 149), hence div(sqrt)
    return c.div(sd.math.sqrt(var.add(LN_EPS))).mul(gain).add(bias);
  }

  @Override
  NativeLayer handWritten(NeuralNetConfiguration conf, DataType type) {
    return new GptBlock(conf, type, this);
  }
}
