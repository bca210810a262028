package org.lmforge.model.generate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Greedy, temperature, top-k and top-p (nucleus, Holtzman et al. 2020) selection from one row of
 * logits.
 */
public final class TokenSampler {
  private TokenSampler() {}

  /**
   * The token ids that may be emitted under cfg (all of them have nonzero probability), most likely
   * first.
   */
  public static int[] candidates(double[] logits, SamplingConfig cfg) {
    Integer[] order = IntStream.range(0, logits.length).boxed().toArray(Integer[]::new);
    Arrays.sort(
        order, Comparator.comparingDouble((Integer i) -> -logits[i]).thenComparingInt(i -> i));
    if (cfg.temperature() == 0) return new int[] {order[0]};
    int keep = cfg.topK() > 0 ? Math.min(cfg.topK(), logits.length) : logits.length;
    if (cfg.topP() < 1) {
      // Top-k first, then the nucleus of what is left, renormalised (the order of Hugging Face's
      // logits
      // warpers): the smallest prefix of the k best whose share of their probability reaches p.
      double[] w = new double[keep];
      double sum = 0;
      for (int i = 0; i < keep; i++)
        sum += w[i] = Math.exp((logits[order[i]] - logits[order[0]]) / cfg.temperature());
      double mass = 0;
      int n = 0;
      while (n < keep) {
        mass += w[n++] / sum;
        if (mass >= cfg.topP()) break;
      }
      keep = n;
    }
    int[] out = new int[keep];
    for (int i = 0; i < keep; i++) out[i] = order[i];
    return out;
  }

  /** Draws one token id. */
  public static int sample(double[] logits, SamplingConfig cfg, SplittableRandom rng) {
    int[] cand = candidates(logits, cfg);
    if (cand.length == 1) return cand[0];
    double max = Double.NEGATIVE_INFINITY;
    for (int c : cand) max = Math.max(max, logits[c]);
    double[] w = new double[cand.length];
    double sum = 0;
    for (int i = 0; i < cand.length; i++)
      sum += w[i] = Math.exp((logits[cand[i]] - max) / cfg.temperature());
    double u = rng.nextDouble() * sum;
    for (int i = 0; i < cand.length; i++) {
      u -= w[i];
      if (u <= 0) return cand[i];
    }
    return cand[cand.length - 1];
  }

  static double[] softmax(double[] logits, double temperature) {
    double max = Arrays.stream(logits).max().orElse(0);
    double[] p = new double[logits.length];
    double sum = 0;
    for (int i = 0; i < p.length; i++) sum += p[i] = Math.exp((logits[i] - max) / temperature);
    for (int i = 0; i < p.length; i++) p[i] /= sum;
    return p;
  }
}
