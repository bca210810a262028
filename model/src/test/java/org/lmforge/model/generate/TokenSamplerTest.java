package org.lmforge.model.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TokenSamplerTest {
  private static double[] randomLogits(SplittableRandom r, int n) {
    return IntStream.range(0, n).mapToDouble(i -> r.nextGaussian() * 3).toArray();
  }

  @Test
  void topKNeverEmitsATokenOutsideTheKBest() {
    SplittableRandom r = new SplittableRandom(1);
    for (int trial = 0; trial < 50; trial++) {
      double[] logits = randomLogits(r, 40);
      double kth =
          Arrays.stream(logits)
              .boxed()
              .sorted((a, b) -> Double.compare(b, a))
              .skip(4)
              .findFirst()
              .get();
      for (int i = 0; i < 100; i++) {
        int tok = TokenSampler.sample(logits, new SamplingConfig(1.5, 5, 1.0), r);
        assertTrue(logits[tok] >= kth, "token " + tok + " is not among the 5 best");
      }
    }
  }

  @Test
  void topPKeepsTheSmallestSetReachingP() {
    // probabilities 0.5, 0.25, 0.125, 0.0625, 0.0625
    double[] logits = {
      Math.log(0.5), Math.log(0.25), Math.log(0.125), Math.log(0.0625), Math.log(0.0625)
    };
    assertArrayEquals(
        new int[] {0}, TokenSampler.candidates(logits, new SamplingConfig(1, 0, 0.5)));
    assertArrayEquals(
        new int[] {0, 1}, TokenSampler.candidates(logits, new SamplingConfig(1, 0, 0.6)));
    assertArrayEquals(
        new int[] {0, 1, 2}, TokenSampler.candidates(logits, new SamplingConfig(1, 0, 0.8)));
    SplittableRandom r = new SplittableRandom(2);
    for (int trial = 0; trial < 30; trial++) {
      double[] l = randomLogits(r, 30);
      double p = 0.3 + 0.6 * r.nextDouble();
      int[] kept = TokenSampler.candidates(l, new SamplingConfig(1, 0, p));
      double[] prob = TokenSampler.softmax(l, 1);
      double mass = Arrays.stream(kept).mapToDouble(i -> prob[i]).sum();
      double withoutLast = mass - prob[kept[kept.length - 1]];
      assertTrue(mass >= p - 1e-12 && withoutLast < p, "kept set must reach p and be minimal");
      double minKept = Arrays.stream(kept).mapToDouble(i -> prob[i]).min().getAsDouble();
      long outsideLarger =
          IntStream.range(0, l.length)
              .filter(i -> Arrays.stream(kept).noneMatch(k -> k == i))
              .filter(i -> prob[i] > minKept)
              .count();
      assertEquals(0, outsideLarger, "nucleus holds the most likely tokens");
    }
  }

  @Test
  void topPAfterTopKIsTheNucleusOfTheKBestRenormalised() {
    // probabilities 0.4, 0.2, 0.2, 0.1, 0.1; the 3 best renormalised: 0.5, 0.25, 0.25
    double[] logits = {Math.log(0.4), Math.log(0.2), Math.log(0.2), Math.log(0.1), Math.log(0.1)};
    // 0.7 of the k=3 set needs 2 tokens (0.75); of the whole distribution it would need 3 (0.8)
    assertArrayEquals(
        new int[] {0, 1}, TokenSampler.candidates(logits, new SamplingConfig(1, 3, 0.7)));
    assertArrayEquals(
        new int[] {0, 1, 2}, TokenSampler.candidates(logits, new SamplingConfig(1, 0, 0.7)));
  }

  @Test
  void temperatureTowardsZeroEqualsGreedy() {
    SplittableRandom r = new SplittableRandom(3);
    for (int trial = 0; trial < 50; trial++) {
      double[] l = randomLogits(r, 25);
      int greedy = TokenSampler.sample(l, SamplingConfig.greedy(), r);
      int argmax = IntStream.range(0, l.length).reduce((a, b) -> l[a] >= l[b] ? a : b).getAsInt();
      assertEquals(argmax, greedy);
      assertEquals(greedy, TokenSampler.sample(l, new SamplingConfig(1e-4, 0, 1), r));
    }
  }

  @Test
  void temperatureOneFollowsTheDistribution() {
    double[] logits = {Math.log(0.7), Math.log(0.2), Math.log(0.1)};
    SplittableRandom r = new SplittableRandom(4);
    int[] counts = new int[3];
    for (int i = 0; i < 20000; i++)
      counts[TokenSampler.sample(logits, new SamplingConfig(1, 0, 1), r)]++;
    assertEquals(0.7, counts[0] / 20000.0, 0.02);
    assertEquals(0.1, counts[2] / 20000.0, 0.02);
  }
}
