package org.lmforge.pipeline.generate;

import java.util.ArrayList;
import java.util.List;
import org.lmforge.model.generate.SamplingConfig;
import org.lmforge.pipeline.job.UserError;

/**
 * {@code pipeline generate}: continue a prompt with a run's model. Defaults are nanoGPT's {@code
 * sample.py} (temperature 0.8, top-k 200, seed 1337).
 *
 * @param run the pretrain run directory (any Hadoop path)
 * @param tokens the run's token directory when run.json's {@code config.tokens} no longer points at
 *     it; null: run.json's
 * @param prompt the text to continue (may be empty: generation then starts a new document)
 * @param maxTokens new tokens at most; generation also ends at {@code <|endoftext|>}
 * @param temperature logits are divided by it; 0 = greedy
 * @param topK keep the k most likely tokens (0 = all)
 * @param topP then keep the smallest set of those whose probability reaches p (1 = all)
 * @param seed the only source of randomness: one seed, one output
 * @param kvCache decode with the key/value cache (same tokens as without, faster)
 */
public record GenerateConfig(
    String run,
    String tokens,
    String prompt,
    int maxTokens,
    double temperature,
    int topK,
    double topP,
    long seed,
    boolean kvCache) {
  public GenerateConfig {
    List<String> errors = new ArrayList<>();
    if (run == null || run.isBlank()) errors.add("--run is empty: give a pretrain run directory");
    if (prompt == null) errors.add("--prompt is missing: give the text to continue");
    if (maxTokens < 1) errors.add("--max-tokens=" + maxTokens + " must be >= 1");
    if (!(temperature >= 0))
      errors.add("--temperature=" + temperature + " must be >= 0 (0 = greedy)");
    if (topK < 0) errors.add("--top-k=" + topK + " must be >= 0 (0 = off)");
    if (!(topP > 0 && topP <= 1)) errors.add("--top-p=" + topP + " must be in (0, 1] (1 = off)");
    if (!errors.isEmpty()) throw new UserError(String.join("; ", errors));
  }

  public SamplingConfig sampling() {
    return new SamplingConfig(temperature, topK, topP);
  }

  /** "temperature 0.8, top-k 200, top-p 1" or "greedy". */
  public String describeSampling() {
    return temperature == 0
        ? "greedy"
        : "temperature " + temperature + ", top-k " + topK + ", top-p " + topP;
  }
}
