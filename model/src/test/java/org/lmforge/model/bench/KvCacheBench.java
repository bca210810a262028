package org.lmforge.model.bench;

import org.lmforge.model.gpt.Gpt;
import org.lmforge.model.gpt.GptConfig;
import org.lmforge.model.sample.Generator;
import org.lmforge.model.sample.SamplingConfig;

/**
 * Generation speed with and without the KV cache, same model, prompt, seed and sampling rule; checks that the
 * two outputs are identical. Usage: {@code KvCacheBench [tokens=200] [dModel=128] [layers=4] [context=256]}.
 */
public final class KvCacheBench {
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int d = args.length > 1 ? Integer.parseInt(args[1]) : 128;
    int layers = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int context = args.length > 3 ? Integer.parseInt(args[3]) : 256;
    GptConfig cfg = new GptConfig(256, context, layers, 4, d, 0.0, GptConfig.Positional.LEARNED, false);
    Generator g = new Generator(new Gpt(cfg, 1));
    int[] prompt = new int[16];
    for (int i = 0; i < prompt.length; i++) {
      prompt[i] = (i * 37) % 256;
    }
    SamplingConfig sampling = new SamplingConfig(1.0, 40, 0.95);
    g.generate(prompt, 8, sampling, 1, true);   // warm-up
    g.generate(prompt, 8, sampling, 1, false);
    long t0 = System.nanoTime();
    int[] cached = g.generate(prompt, n, sampling, 5, true);
    long t1 = System.nanoTime();
    int[] full = g.generate(prompt, n, sampling, 5, false);
    long t2 = System.nanoTime();
    double withCache = (t1 - t0) / 1e9;
    double without = (t2 - t1) / 1e9;
    System.out.printf("model %d params (d=%d, %d layers), %d new tokens after a %d-token prompt%n",
        cfg.parameterCount(), d, layers, n, prompt.length);
    System.out.printf("with KV cache: %.2f s (%.1f tokens/s); without: %.2f s (%.1f tokens/s); speed-up %.1fx; "
        + "identical output: %b%n", withCache, n / withCache, without, n / without, without / withCache,
        java.util.Arrays.equals(cached, full));
  }
}
