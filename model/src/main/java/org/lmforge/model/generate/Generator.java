package org.lmforge.model.generate;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.lmforge.model.gpt.Gpt;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Autoregressive generation, by two paths that pick the same tokens (tested): the KV cache, and the
 * training graph run causally over the current window. The model sees at most {@code contextLength}
 * tokens: past that, the next token is predicted from the last {@code contextLength} (nanoGPT's
 * crop, {@code idx[:, -block_size:]}).
 *
 * <p>The cache serves the positions that fit the context. Once the window slides, every cached key
 * and value is stale (learned positions shift, and each layer's keys saw tokens that have left the
 * window), so both paths re-read the whole window for every further token.
 */
public final class Generator {
  private final Gpt model;

  public Generator(Gpt model) {
    this.model = model;
  }

  /**
   * A finished generation.
   *
   * @param tokens prompt, then the new tokens (the stop token included when generation stopped on
   *     it)
   * @param promptLength tokens of the prompt at the start of {@link #tokens}
   * @param stopped true when the last token is the stop token
   */
  public record Generation(int[] tokens, int promptLength, boolean stopped) {
    /** The new tokens, without the stop token. */
    public int[] continuation() {
      return Arrays.copyOfRange(tokens, promptLength, tokens.length - (stopped ? 1 : 0));
    }

    public int newTokens() {
      return tokens.length - promptLength;
    }
  }

  /** Prompt + exactly n new tokens (no stop token). */
  public int[] generate(int[] prompt, int n, SamplingConfig cfg, long seed, boolean useCache) {
    return generate(prompt, n, cfg, seed, useCache, -1).tokens();
  }

  /**
   * Up to maxNew tokens after the prompt, ending early after {@code stopToken} (-1: never). The
   * random draws come from {@code seed} only, one per token, so a seed fixes the output.
   */
  public Generation generate(
      int[] prompt, int maxNew, SamplingConfig cfg, long seed, boolean useCache, int stopToken) {
    if (prompt.length == 0)
      throw new IllegalArgumentException("empty prompt: give at least one token");
    if (maxNew < 0) throw new IllegalArgumentException("maxNew must be >= 0, got " + maxNew);
    int ctx = model.config().contextLength();
    SplittableRandom rng = new SplittableRandom(seed);
    int[] seq = Arrays.copyOf(prompt, prompt.length + maxNew);
    int len = prompt.length;
    // a prompt longer than the context is cropped to its last ctx tokens, which is all the model
    // reads of it
    KvCacheDecoder dec = useCache ? new KvCacheDecoder(model) : null;
    int cacheStart = Math.max(0, len - ctx); // seq index at cache position 0
    while (len < seq.length) {
      double[] logp =
          useCache && len - cacheStart <= ctx
              ? cachedNext(dec, seq, cacheStart, len)
              : logProbsAfter(seq, len);
      int t = TokenSampler.sample(logp, cfg, rng);
      seq[len++] = t;
      if (t == stopToken) return new Generation(Arrays.copyOf(seq, len), prompt.length, true);
    }
    return new Generation(seq, prompt.length, false);
  }

  /** Feeds the cache up to seq[len-1]; returns the log-probabilities of the token after it. */
  private static double[] cachedNext(KvCacheDecoder dec, int[] seq, int cacheStart, int len) {
    double[] logp = null;
    while (cacheStart + dec.position() < len) logp = dec.next(seq[cacheStart + dec.position()]);
    return logp;
  }

  /**
   * Log-probabilities of the token after seq[0..len), from the training graph on the last
   * contextLength tokens, right-padded to the graph's fixed length (causality makes the padding
   * invisible to the positions before it).
   */
  public double[] logProbsAfter(int[] seq, int len) {
    int ctx = model.config().contextLength();
    int start = Math.max(0, len - ctx);
    int[][] x = new int[1][ctx];
    System.arraycopy(seq, start, x[0], 0, len - start);
    INDArray p = model.probabilities(x); // [1,ctx,V]
    int t = len - start - 1;
    double[] out =
        p.get(point(0), point(t), all())
            .castTo(DataType.DOUBLE)
            .toDoubleVector(); // one copy, not V reads
    Gpt.release(p);
    for (int j = 0; j < out.length; j++) out[j] = Math.log(Math.max(out[j], 1e-30));
    return out;
  }

  /** Log-probabilities of the token after position t (= {@link #logProbsAfter}(seq, t + 1)). */
  public double[] logProbsAt(int[] seq, int t) {
    return logProbsAfter(seq, t + 1);
  }
}
