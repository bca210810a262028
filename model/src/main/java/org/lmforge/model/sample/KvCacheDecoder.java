package org.lmforge.model.sample;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import org.lmforge.model.gpt.AttentionBias;
import org.lmforge.model.gpt.FinalNormLayer;
import org.lmforge.model.gpt.Gpt;
import org.lmforge.model.gpt.GptBlockLayer;
import org.lmforge.model.gpt.GptConfig;
import org.lmforge.model.gpt.PositionEmbeddingLayer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Incremental decoding of one sequence with a key/value cache: each new token runs the model on ONE position,
 * attending to cached keys/values of all earlier positions, instead of re-running the whole prefix. It reads
 * the same parameters as the training graph and computes the same function (same LayerNorm, tanh-GELU,
 * causal/ALiBi bias), which the tests check against the graph's own output.
 */
public final class KvCacheDecoder {
  private final GptConfig c;
  private final Gpt model;
  private final INDArray[] k, v;   // per layer [kvHeads, T, hs]
  private int pos;

  public KvCacheDecoder(Gpt model) {
    this.model = model;
    this.c = model.config();
    int kvHeads = c.multiQuery() ? 1 : c.nHead();
    k = new INDArray[c.nLayer()];
    v = new INDArray[c.nLayer()];
    for (int l = 0; l < c.nLayer(); l++) {
      k[l] = Nd4j.zeros(model.params().dataType(), kvHeads, c.contextLength(), c.headSize());
      v[l] = Nd4j.zeros(model.params().dataType(), kvHeads, c.contextLength(), c.headSize());
    }
  }

  public int position() { return pos; }

  public void reset() { pos = 0; }

  /** Feeds the token at the next position; returns log-probabilities of the token after it, length V. */
  public double[] next(int token) {
    if (pos >= c.contextLength())
      throw new IllegalStateException("sequence reached the model's context length " + c.contextLength()
          + " (positions table / cache size); start a new window");
    int d = c.dModel(), hs = c.headSize();
    INDArray wte = param(Gpt.WTE, "W");                                     // [V,d]
    INDArray x = wte.getRow(token).reshape(1, d).dup();
    if (c.positional() == GptConfig.Positional.LEARNED)
      x.addi(param(Gpt.WPE, PositionEmbeddingLayer.W).getRow(pos).reshape(1, d));
    for (int l = 0; l < c.nLayer(); l++) {
      String b = Gpt.blockName(l);
      INDArray a = layerNorm(x, param(b, GptBlockLayer.LN1_G), param(b, GptBlockLayer.LN1_B));
      INDArray q = a.mmul(param(b, GptBlockLayer.WQ)).addi(param(b, GptBlockLayer.BQ));          // [1,d]
      INDArray kk = a.mmul(param(b, GptBlockLayer.WK)).addi(param(b, GptBlockLayer.BK));         // [1,kv]
      INDArray vv = a.mmul(param(b, GptBlockLayer.WV)).addi(param(b, GptBlockLayer.BV));
      int kvHeads = (int) k[l].size(0);
      for (int h = 0; h < kvHeads; h++) {
        k[l].get(point(h), point(pos), all()).assign(kk.get(point(0), interval(h * hs, (h + 1) * hs)));
        v[l].get(point(h), point(pos), all()).assign(vv.get(point(0), interval(h * hs, (h + 1) * hs)));
      }
      INDArray y = Nd4j.create(x.dataType(), 1, d);
      for (int h = 0; h < c.nHead(); h++) {
        int kvh = c.multiQuery() ? 0 : h;
        INDArray keys = k[l].get(point(kvh), interval(0, pos + 1), all());          // [pos+1, hs]
        INDArray vals = v[l].get(point(kvh), interval(0, pos + 1), all());
        INDArray qh = q.get(point(0), interval(h * hs, (h + 1) * hs)).reshape(1, hs);
        INDArray s = qh.mmul(keys.transpose()).muli(1.0 / Math.sqrt(hs));             // [1, pos+1]
        for (int j = 0; j <= pos; j++) {
          double bias = AttentionBias.value(h, c.nHead(), pos, j, c.positional() == GptConfig.Positional.ALIBI);
          if (bias != 0) s.putScalar(0, j, s.getDouble(0, j) + bias);
        }
        INDArray p = Transforms.softmax(s, true);
        y.get(point(0), interval(h * hs, (h + 1) * hs)).assign(p.mmul(vals).reshape(hs));
      }
      x.addi(y.mmul(param(b, GptBlockLayer.WO)).addi(param(b, GptBlockLayer.BO)));
      INDArray m = layerNorm(x, param(b, GptBlockLayer.LN2_G), param(b, GptBlockLayer.LN2_B));
      INDArray hdn = m.mmul(param(b, GptBlockLayer.W1)).addi(param(b, GptBlockLayer.B1));
      hdn = gelu(hdn);
      x.addi(hdn.mmul(param(b, GptBlockLayer.W2)).addi(param(b, GptBlockLayer.B2)));
    }
    INDArray h = layerNorm(x, param(Gpt.LN_F, FinalNormLayer.G), param(Gpt.LN_F, FinalNormLayer.B));
    INDArray logits = h.mmul(wte.transpose());                              // tied head: [1,V]
    pos++;
    double[] out = logits.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).toDoubleVector();
    double max = Double.NEGATIVE_INFINITY;
    for (double z : out) max = Math.max(max, z);
    double sum = 0;
    for (double z : out) sum += Math.exp(z - max);
    double lse = max + Math.log(sum);
    for (int i = 0; i < out.length; i++) out[i] -= lse;
    return out;
  }

  /**
   * GPT-2's tanh GELU written in its tanh form (the training graph uses the equal sigmoid form, so the KV-cache
   * test cross-checks the two). Not ND4J's PreciseGELU: on 1.0.0-M2.1 it computes tanh(√(2/π)(x + (0.044715x)³)),
   * a misplaced power (GELU(-3) = -0.0247 instead of -0.0036).
   */
  static INDArray gelu(INDArray x) {
    INDArray inner = x.mul(x).muli(0.044715).addi(1.0).muli(x).muli(Math.sqrt(2 / Math.PI));
    return Transforms.tanh(inner, false).addi(1.0).muli(x).muli(0.5);
  }

  private INDArray param(String layer, String key) { return model.net().getLayer(layer).getParam(key); }

  private static INDArray layerNorm(INDArray x, INDArray g, INDArray b) {
    INDArray cx = x.sub(x.meanNumber().doubleValue());
    double var = cx.mul(cx).meanNumber().doubleValue();
    return cx.divi(Math.sqrt(var + 1e-5)).muli(g).addi(b);
  }
}
