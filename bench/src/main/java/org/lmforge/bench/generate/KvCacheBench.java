package org.lmforge.bench.generate;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.lmforge.bench.BenchArgs;
import org.lmforge.model.generate.Generator;
import org.lmforge.model.generate.KvCacheDecoder;
import org.lmforge.model.generate.SamplingConfig;
import org.lmforge.model.generate.TokenSampler;
import org.lmforge.model.gpt.Gpt;
import org.lmforge.model.gpt.GptConfig;

/**
 * Greedy generation with the KV cache against the best uncached generation this model allows, same
 * model and prompt; checks that both pick the same tokens and prints the speed-up. Uncached = for
 * every new token, a causal forward over the current prefix alone ({@link KvCacheDecoder#feed} from
 * an empty cache: every projection one [T,d] matmul, no padding to the context, the head on the
 * last position only, its logits read in one bulk copy), which is what nanoGPT's generate does
 * without a cache. The training graph's path (the whole context window, right-padded: {@link
 * Generator} without the cache) is printed too, as the slower reference it was before. Usage:
 * {@code KvCacheBench [tokens=200] [dModel=128] [layers=4] [context=256]}.
 */
public final class KvCacheBench {
  public static void main(String[] args) {
    int n = BenchArgs.intAt(args, 0, 200);
    int d = BenchArgs.intAt(args, 1, 128);
    int layers = BenchArgs.intAt(args, 2, 4);
    int context = BenchArgs.intAt(args, 3, 256);
    GptConfig cfg =
        new GptConfig(256, context, layers, 4, d, 0.0, GptConfig.Positional.LEARNED, false);
    Gpt model = new Gpt(cfg, 1);
    Generator g = new Generator(model);
    int[] prompt = new int[16];
    for (int i = 0; i < prompt.length; i++) {
      prompt[i] = (i * 37) % 256;
    }
    if (prompt.length + n > context) {
      throw new IllegalArgumentException(
          "prompt + tokens = "
              + (prompt.length + n)
              + " > context "
              + context
              + ": past the context every path re-reads a sliding window, which is not what this measures");
    }
    SamplingConfig greedy = SamplingConfig.greedy();
    g.generate(prompt, 8, greedy, 1, true); // warm-up of all three paths
    uncached(model, prompt, 8);
    g.generate(prompt, 8, greedy, 1, false);

    long t0 = System.nanoTime();
    int[] cached = g.generate(prompt, n, greedy, 1, true);
    double withCache = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    int[] prefix = uncached(model, prompt, n);
    double withoutCache = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    int[] padded = g.generate(prompt, n, greedy, 1, false);
    double graph = (System.nanoTime() - t0) / 1e9;

    System.out.printf(
        "model %,d params (d=%d, %d layers, context %d), %d new tokens after a %d-token prompt, greedy,"
            + " OMP_NUM_THREADS=%s%n",
        cfg.parameterCount(),
        d,
        layers,
        context,
        n,
        prompt.length,
        System.getenv("OMP_NUM_THREADS"));
    System.out.printf(
        "with KV cache:                           %6.2f s (%6.1f tokens/s)%n",
        withCache, n / withCache);
    System.out.printf(
        "without: causal forward over the prefix: %6.2f s (%6.1f tokens/s); same tokens: %b%n",
        withoutCache, n / withoutCache, Arrays.equals(cached, prefix));
    System.out.printf(
        "without: training graph, padded window:  %6.2f s (%6.1f tokens/s); same tokens: %b%n",
        graph, n / graph, Arrays.equals(cached, padded));
    System.out.printf(
        "RESULT KV cache speed-up %.2fx over the uncached prefix forward (%.2fx over the padded"
            + " training graph)%n",
        withoutCache / withCache, graph / withCache);
    if (!Arrays.equals(cached, prefix) || !Arrays.equals(cached, padded)) {
      throw new IllegalStateException(
          "the paths picked different tokens: cached "
              + Arrays.toString(cached)
              + ", prefix forward "
              + Arrays.toString(prefix)
              + ", padded graph "
              + Arrays.toString(padded));
    }
  }

  /**
   * Prompt + n greedy tokens, each from a forward over the whole current prefix. The decoder is
   * reset before each one, so nothing computed for one token is reused for the next (its buffers
   * are, to spare the allocation).
   */
  static int[] uncached(Gpt model, int[] prompt, int n) {
    int[] seq = Arrays.copyOf(prompt, prompt.length + n);
    SplittableRandom unused = new SplittableRandom(1); // greedy draws nothing
    KvCacheDecoder forward = new KvCacheDecoder(model);
    for (int len = prompt.length; len < seq.length; len++) {
      forward.reset();
      double[] logp = forward.feed(seq, 0, len);
      seq[len] = TokenSampler.sample(logp, SamplingConfig.greedy(), unused);
    }
    return seq;
  }
}
