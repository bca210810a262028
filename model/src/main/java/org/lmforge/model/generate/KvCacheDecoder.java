package org.lmforge.model.generate;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.Arrays;
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
 * Incremental decoding of one sequence with a key/value cache: each new token runs the model on ONE
 * position, attending to cached keys/values of all earlier positions, instead of re-running the
 * whole prefix. It reads the same parameters as the training graph and computes the same function
 * (same LayerNorm, tanh-GELU, causal/ALiBi bias), which the tests check against the graph's own
 * output. {@link #feed} runs several positions in one pass (a prompt, or a whole prefix from an
 * empty cache).
 */
public final class KvCacheDecoder {
  private final GptConfig c;
  private final Gpt model;
  private final INDArray[] k, v; // per layer [kvHeads, T, hs]
  private INDArray bias;
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

  public int position() {
    return pos;
  }

  public void reset() {
    pos = 0;
  }

  /**
   * Feeds the token at the next position; returns log-probabilities of the token after it, length
   * V.
   */
  public double[] next(int token) {
    return feed(new int[] {token}, 0, 1);
  }

  /**
   * Feeds {@code tokens[from..to)} at the next positions in one pass, every projection one [T,d]
   * matmul; returns the log-probabilities of the token after the last of them. From an empty cache
   * this is a causal forward over that prefix alone (no padding to the context, the head on the
   * last position only): the best a generator without a cache can do for each new token, and a
   * prompt's prefill for one with a cache.
   */
  public double[] feed(int[] tokens, int from, int to) {
    int t = to - from;
    if (t < 1)
      throw new IllegalArgumentException("feed at least one token, got [" + from + ", " + to + ")");
    if (pos + t > c.contextLength())
      throw new IllegalStateException(
          "sequence reached the model's context length "
              + c.contextLength()
              + " (positions table / cache size); start a new window");
    int d = c.dModel(), hs = c.headSize(), end = pos + t;
    INDArray wte = param(Gpt.WTE, "W"); // [V,d]
    INDArray x = wte.getRows(Arrays.copyOfRange(tokens, from, to)); // [T,d], a copy
    if (c.positional() == GptConfig.Positional.LEARNED)
      x.addi(param(Gpt.WPE, PositionEmbeddingLayer.W).get(interval(pos, end), all()));
    for (int l = 0; l < c.nLayer(); l++) {
      String b = Gpt.blockName(l);
      INDArray a = layerNorm(x, param(b, GptBlockLayer.LN1_G), param(b, GptBlockLayer.LN1_B));
      INDArray q =
          a.mmul(param(b, GptBlockLayer.WQ)).addiRowVector(param(b, GptBlockLayer.BQ)); // [T,d]
      INDArray kk =
          a.mmul(param(b, GptBlockLayer.WK)).addiRowVector(param(b, GptBlockLayer.BK)); // [T,kv]
      INDArray vv = a.mmul(param(b, GptBlockLayer.WV)).addiRowVector(param(b, GptBlockLayer.BV));
      int kvHeads = (int) k[l].size(0);
      for (int h = 0; h < kvHeads; h++) {
        k[l].get(point(h), interval(pos, end), all())
            .assign(kk.get(all(), interval(h * hs, (h + 1) * hs)));
        v[l].get(point(h), interval(pos, end), all())
            .assign(vv.get(all(), interval(h * hs, (h + 1) * hs)));
      }
      INDArray y = Nd4j.create(x.dataType(), t, d);
      for (int h = 0; h < c.nHead(); h++) {
        int kvh = c.multiQuery() ? 0 : h;
        INDArray keys = k[l].get(point(kvh), interval(0, end), all()); // [pos+T, hs]
        INDArray vals = v[l].get(point(kvh), interval(0, end), all());
        INDArray qh = q.get(all(), interval(h * hs, (h + 1) * hs)); // [T, hs]
        INDArray s = qh.mmul(keys.transpose()).muli(1.0 / Math.sqrt(hs)); // [T, pos+T]
        // one query sees every cached key (no bias) unless ALiBi; several must not see the later
        // ones
        if (t > 1 || c.positional() == GptConfig.Positional.ALIBI)
          s.addi(bias().get(point(h), interval(pos, end), interval(0, end)));
        INDArray p = Transforms.softmax(s, true); // per row
        y.get(all(), interval(h * hs, (h + 1) * hs)).assign(p.mmul(vals));
      }
      x.addi(y.mmul(param(b, GptBlockLayer.WO)).addiRowVector(param(b, GptBlockLayer.BO)));
      INDArray m = layerNorm(x, param(b, GptBlockLayer.LN2_G), param(b, GptBlockLayer.LN2_B));
      INDArray hdn = m.mmul(param(b, GptBlockLayer.W1)).addiRowVector(param(b, GptBlockLayer.B1));
      hdn = gelu(hdn);
      x.addi(hdn.mmul(param(b, GptBlockLayer.W2)).addiRowVector(param(b, GptBlockLayer.B2)));
    }
    INDArray last = x.get(interval(t - 1, t), all()); // [1,d]: only its logits are needed
    INDArray h =
        layerNorm(last, param(Gpt.LN_F, FinalNormLayer.G), param(Gpt.LN_F, FinalNormLayer.B));
    INDArray logits = h.mmul(wte.transpose()); // tied head: [1,V]
    pos = end;
    double[] out =
        logits.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).toDoubleVector(); // one copy
    double max = Double.NEGATIVE_INFINITY;
    for (double z : out) max = Math.max(max, z);
    double sum = 0;
    for (double z : out) sum += Math.exp(z - max);
    double lse = max + Math.log(sum);
    for (int i = 0; i < out.length; i++) out[i] -= lse;
    return out;
  }

  /**
   * [H, ctx, ctx] causal (+ALiBi) bias, built on first use: a single query without ALiBi needs
   * none.
   */
  private INDArray bias() {
    if (bias == null)
      bias =
          AttentionBias.matrix(
              c.nHead(),
              c.contextLength(),
              c.positional() == GptConfig.Positional.ALIBI,
              model.params().dataType());
    return bias;
  }

  /**
   * GPT-2's tanh GELU written in its tanh form (the training graph uses the equal sigmoid form, so
   * the KV-cache test cross-checks the two). Not ND4J's PreciseGELU: on 1.0.0-M2.1 it computes
   * tanh(√(2/π)(x + (0.044715x)³)), a misplaced power (GELU(-3) = -0.0247 instead of -0.0036).
   */
  static INDArray gelu(INDArray x) {
    INDArray inner = x.mul(x).muli(0.044715).addi(1.0).muli(x).muli(Math.sqrt(2 / Math.PI));
    return Transforms.tanh(inner, false).addi(1.0).muli(x).muli(0.5);
  }

  private INDArray param(String layer, String key) {
    return model.net().getLayer(layer).getParam(key);
  }

  /** LayerNorm of each row of [T,d] (eps 1e-5, as the training graph). */
  private static INDArray layerNorm(INDArray x, INDArray g, INDArray b) {
    INDArray cx = x.subColumnVector(x.mean(true, 1));
    INDArray std = Transforms.sqrt(cx.mul(cx).mean(true, 1).addi(1e-5), false);
    return cx.diviColumnVector(std).muliRowVector(g).addiRowVector(b);
  }
}
