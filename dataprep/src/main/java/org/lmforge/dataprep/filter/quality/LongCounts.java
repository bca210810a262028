package org.lmforge.dataprep.filter.quality;

import java.util.Arrays;

/**
 * Open-addressing map from 64-bit hash to count, reused across the n-gram passes of one document.
 * Hashes stand in for n-gram strings: a 64-bit collision inside one document is far rarer than a
 * typo.
 */
final class LongCounts {
  private long[] keys;
  private int[] counts;
  private int size;
  private int mask;

  LongCounts(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[cap];
    counts = new int[cap];
    mask = cap - 1;
  }

  void clear(int expected) {
    if (expected * 2 > keys.length) {
      int cap = Integer.highestOneBit(expected * 2 - 1) << 1;
      keys = new long[cap];
      counts = new int[cap];
      mask = cap - 1;
    } else {
      Arrays.fill(counts, 0);
    }
    size = 0;
  }

  /** Adds one occurrence of {@code key}; returns the count before this one. */
  int add(long key) {
    int i = (int) (mix(key) & mask);
    while (counts[i] != 0) {
      if (keys[i] == key) return counts[i]++;
      i = (i + 1) & mask;
    }
    keys[i] = key;
    counts[i] = 1;
    if (++size * 2 > keys.length) grow();
    return 0;
  }

  int count(long key) {
    int i = (int) (mix(key) & mask);
    while (counts[i] != 0) {
      if (keys[i] == key) return counts[i];
      i = (i + 1) & mask;
    }
    return 0;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new int[oldKeys.length * 2];
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldCounts[i] != 0) {
        int j = (int) (mix(oldKeys[i]) & mask);
        while (counts[j] != 0) j = (j + 1) & mask;
        keys[j] = oldKeys[i];
        counts[j] = oldCounts[i];
        size++;
      }
    }
  }

  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
