package org.lmforge.model.generate;

/**
 * How the next token is chosen from logits.
 *
 * @param temperature logits are divided by it; 0 means greedy (argmax)
 * @param topK keep only the k most likely tokens (0 = all)
 * @param topP nucleus: keep the smallest set of most likely tokens whose probability reaches p (1 =
 *     all)
 */
public record SamplingConfig(double temperature, int topK, double topP) {
  public SamplingConfig {
    if (temperature < 0)
      throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
    if (topK < 0) throw new IllegalArgumentException("topK must be >= 0 (0 = off), got " + topK);
    if (!(topP > 0 && topP <= 1))
      throw new IllegalArgumentException("topP must be in (0, 1], got " + topP);
  }

  public static SamplingConfig greedy() {
    return new SamplingConfig(0, 0, 1);
  }
}
