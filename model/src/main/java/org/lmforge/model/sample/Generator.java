package org.lmforge.model.sample;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.lmforge.model.gpt.Gpt;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Autoregressive generation, with the KV cache or (for comparison) by re-running the full graph per token. */
public final class Generator {
  private final Gpt model;

  public Generator(Gpt model) { this.model = model; }

  /** Prompt + n new tokens, all within the context length. */
  public int[] generate(int[] prompt, int n, SamplingConfig cfg, long seed, boolean useCache) {
    int ctx = model.config().contextLength();
    if (prompt.length == 0) throw new IllegalArgumentException("empty prompt: give at least one token");
    if (prompt.length + n > ctx)
      throw new IllegalArgumentException("prompt " + prompt.length + " + " + n + " new tokens exceeds the context length "
          + ctx + " (the positions table size); generate at most " + (ctx - prompt.length) + " tokens");
    SplittableRandom rng = new SplittableRandom(seed);
    int[] seq = Arrays.copyOf(prompt, prompt.length + n);
    KvCacheDecoder dec = useCache ? new KvCacheDecoder(model) : null;
    double[] logp = null;
    if (useCache) for (int t : prompt) logp = dec.next(t);
    for (int i = prompt.length; i < seq.length; i++) {
      if (!useCache) logp = logProbsAt(seq, i - 1);
      seq[i] = TokenSampler.sample(logp, cfg, rng);
      if (useCache && i + 1 < seq.length) logp = dec.next(seq[i]);
    }
    return seq;
  }

  /**
   * Log-probabilities of the token after position t, from the training graph on the right-padded window
   * (causality makes the padding invisible to position t).
   */
  public double[] logProbsAt(int[] seq, int t) {
    int ctx = model.config().contextLength();
    int[][] x = new int[1][ctx];
    System.arraycopy(seq, 0, x[0], 0, t + 1);
    INDArray p = model.probabilities(x);
    double[] out = new double[model.config().vocabSize()];
    for (int j = 0; j < out.length; j++) out[j] = Math.log(Math.max(p.getDouble(0, t, j), 1e-30));
    return out;
  }
}
