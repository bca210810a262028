package org.lmforge.dataprep.tokenize;

import java.util.Arrays;

/**
 * Open-addressing hash map from a long key (a token pair packed as left << 32 | right) to a
 * non-negative int, without boxing: the encoder looks up one pair rank per adjacent pair, so this
 * lookup is the hot path.
 */
final class LongIntMap implements java.io.Serializable {
  private static final long EMPTY = Long.MIN_VALUE;

  private long[] keys;
  private int[] values;
  private int mask;
  private int shift;
  private int size;

  LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    allocate(cap);
  }

  private void allocate(int cap) {
    keys = new long[cap];
    Arrays.fill(keys, EMPTY);
    values = new int[cap];
    mask = cap - 1;
    shift = 64 - Integer.numberOfTrailingZeros(cap);
  }

  static long pair(int left, int right) {
    return ((long) left << 32) | (right & 0xFFFFFFFFL);
  }

  private int slot(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
  }

  /** The value, or -1 when absent. */
  int get(long key) {
    int i = slot(key);
    while (true) {
      long k = keys[i];
      if (k == key) return values[i];
      if (k == EMPTY) return -1;
      i = (i + 1) & mask;
    }
  }

  void put(long key, int value) {
    if (key == EMPTY) throw new IllegalArgumentException("reserved key");
    if ((size + 1) * 2 > keys.length) grow();
    int i = slot(key);
    while (true) {
      long k = keys[i];
      if (k == key) {
        values[i] = value;
        return;
      }
      if (k == EMPTY) {
        keys[i] = key;
        values[i] = value;
        size++;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    allocate(keys.length * 2);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) if (oldKeys[i] != EMPTY) put(oldKeys[i], oldValues[i]);
  }
}
