package org.lmforge.dataprep.dedup;

import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * MinHash signatures (Broder 1997) and LSH band keys. Permutation k of the 64-bit shingle hashes is
 * {@code x -> xorshift((x ^ b_k) * a_k)} with random b_k and odd a_k: each step is a bijection, so
 * the minimum picks a uniformly random shingle of the set when the shingle hashes are random. A
 * signature keeps the high 32 bits of each minimum.
 */
public final class MinHasher implements Serializable {
  private final long[] a;
  private final long[] b;

  public MinHasher(int numHashes, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    a = new long[numHashes];
    b = new long[numHashes];
    for (int k = 0; k < numHashes; k++) {
      a[k] = r.nextLong() | 1L;
      b[k] = r.nextLong();
    }
  }

  public int numHashes() {
    return a.length;
  }

  /** Signature of a non-empty shingle set. */
  public int[] signature(long[] shingles) {
    int k = a.length;
    long[] min = new long[k];
    Arrays.fill(min, Long.MAX_VALUE);
    for (long x : shingles) {
      for (int i = 0; i < k; i++) {
        long v = (x ^ b[i]) * a[i];
        v ^= v >>> 29;
        if (v < min[i]) {
          min[i] = v;
        }
      }
    }
    int[] sig = new int[k];
    for (int i = 0; i < k; i++) {
      sig[i] = (int) (min[i] >>> 32);
    }
    return sig;
  }

  /**
   * One key per band over the first bands * rows values; the band index is mixed in so bands never
   * collide.
   */
  public static long[] bandKeys(int[] sig, int bands, int rows) {
    long[] keys = new long[bands];
    for (int band = 0; band < bands; band++) {
      long h = Mix.fmix64(0x9E3779B97F4A7C15L + band);
      for (int r = 0; r < rows; r++) {
        h = Mix.fmix64(h ^ (sig[band * rows + r] & 0xffffffffL));
      }
      keys[band] = h;
    }
    return keys;
  }
}
