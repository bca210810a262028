package org.lmforge.pipeline.tokenize;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.ObjLongConsumer;

/**
 * Counts byte slices (pre-tokens) without allocating per occurrence: an open-addressing table over
 * a byte arena. Only a new distinct piece costs an allocation (amortised arena growth), so counting
 * a partition is mostly pre-tokenizing and hashing; a {@code HashMap<String, Long>} would decode
 * and allocate a String for every one of the ~25M pieces per 100 MB of text. Not thread-safe: one
 * per task.
 */
public final class PieceCounter {
  private byte[] arena = new byte[1 << 16];
  private int arenaUsed;
  private int[] offset = new int[1 << 12];
  private int[] length = new int[1 << 12];
  private int[] hash = new int[1 << 12];
  private long[] count = new long[1 << 12];
  private int size;
  private int[] table = new int[1 << 13]; // entry index + 1; 0 = empty
  private int mask = table.length - 1;

  /** Adds one occurrence of {@code b[s, e)}. */
  public void add(byte[] b, int s, int e) {
    int h = 0x811C9DC5;
    for (int i = s; i < e; i++) h = (h ^ b[i]) * 0x01000193;
    h ^= h >>> 16;
    int len = e - s;
    for (int slot = h & mask; ; slot = (slot + 1) & mask) {
      int t = table[slot];
      if (t == 0) {
        table[slot] = insert(b, s, len, h) + 1;
        if (size * 4 > table.length * 3) rehash(); // keep the load factor at most 0.75
        return;
      }
      int k = t - 1;
      if (hash[k] == h
          && length[k] == len
          && Arrays.equals(arena, offset[k], offset[k] + len, b, s, e)) {
        count[k]++;
        return;
      }
    }
  }

  private int insert(byte[] b, int s, int len, int h) {
    if (arenaUsed + len > arena.length)
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + len));
    System.arraycopy(b, s, arena, arenaUsed, len);
    if (size == offset.length) {
      int cap = size * 2;
      offset = Arrays.copyOf(offset, cap);
      length = Arrays.copyOf(length, cap);
      hash = Arrays.copyOf(hash, cap);
      count = Arrays.copyOf(count, cap);
    }
    offset[size] = arenaUsed;
    length[size] = len;
    hash[size] = h;
    count[size] = 1;
    arenaUsed += len;
    return size++;
  }

  private void rehash() {
    table = new int[table.length * 2];
    mask = table.length - 1;
    for (int k = 0; k < size; k++) {
      int slot = hash[k] & mask;
      while (table[slot] != 0) slot = (slot + 1) & mask;
      table[slot] = k + 1;
    }
  }

  public int size() {
    return size;
  }

  /** Each distinct piece, decoded as UTF-8, with its count. */
  public void forEach(ObjLongConsumer<String> sink) {
    for (int k = 0; k < size; k++)
      sink.accept(new String(arena, offset[k], length[k], StandardCharsets.UTF_8), count[k]);
  }
}
