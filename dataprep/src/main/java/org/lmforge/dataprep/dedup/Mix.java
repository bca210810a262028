package org.lmforge.dataprep.dedup;

/**
 * 64-bit finaliser of MurmurHash3: a bijection that spreads every input bit over the whole word.
 */
public final class Mix {
  private Mix() {}

  public static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
