package org.lmforge.dataprep.tokenize;

import java.util.Arrays;

/**
 * Rank-based BPE over one pre-token: the piece starts as one token per byte, then the adjacent pair
 * with the lowest merge rank (leftmost among equals) is merged until no pair of the piece has a
 * merge, as tiktoken and JTokkit do. Only the neighbours of a merge are re-ranked. Stateless after
 * construction, so thread-safe.
 */
final class PieceMerger {
  /** Pieces longer than this merge with a heap, O(n log n), instead of the O(n^2) scan. */
  static final int LARGE_PIECE = 128;

  private final int[] byteToId;
  private final LongIntMap pairRank;
  private final int[] mergeResult;

  /**
   * @param pairRank (left, right) -> rank; @param mergeResult rank -> id of the merged token
   */
  PieceMerger(int[] byteToId, LongIntMap pairRank, int[] mergeResult) {
    this.byteToId = byteToId;
    this.pairRank = pairRank;
    this.mergeResult = mergeResult;
  }

  private int rank(int left, int right) {
    int r = pairRank.get(LongIntMap.pair(left, right));
    return r < 0 ? Integer.MAX_VALUE : r;
  }

  /** Token ids of {@code b[s, e)}. */
  int[] bpe(byte[] b, int s, int e) {
    return e - s > LARGE_PIECE ? bpeLarge(b, s, e) : bpeSmall(b, s, e);
  }

  int[] bpeSmall(byte[] b, int s, int e) {
    int n = e - s;
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) ids[i] = byteToId[b[s + i] & 0xFF];
    int[] ranks = new int[n]; // ranks[i]: rank of pair (ids[i], ids[i+1])
    for (int i = 0; i < n - 1; i++) ranks[i] = rank(ids[i], ids[i + 1]);
    while (n > 1) {
      int best = Integer.MAX_VALUE;
      int at = -1;
      for (int i = 0; i < n - 1; i++) {
        if (ranks[i] < best) {
          best = ranks[i];
          at = i;
        }
      }
      if (at < 0) break;
      ids[at] = mergeResult[best];
      System.arraycopy(ids, at + 2, ids, at + 1, n - at - 2);
      System.arraycopy(ranks, at + 2, ranks, at + 1, n - at - 2);
      n--;
      if (at > 0) ranks[at - 1] = rank(ids[at - 1], ids[at]);
      if (at < n - 1) ranks[at] = rank(ids[at], ids[at + 1]);
    }
    return Arrays.copyOf(ids, n);
  }

  /**
   * Same result as bpeSmall, for long pieces: a linked list of tokens and a heap of (rank,
   * position).
   */
  int[] bpeLarge(byte[] b, int s, int e) {
    int n = e - s;
    int[] ids = new int[n];
    int[] next = new int[n];
    int[] prev = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = byteToId[b[s + i] & 0xFF];
      next[i] = i + 1 < n ? i + 1 : -1;
      prev[i] = i - 1;
    }
    LongHeap heap = new LongHeap(n);
    for (int i = 0; i < n - 1; i++) {
      int r = rank(ids[i], ids[i + 1]);
      if (r != Integer.MAX_VALUE) heap.push(((long) r << 32) | i);
    }
    int alive = n;
    while (!heap.isEmpty()) {
      long top = heap.pop();
      int r = (int) (top >>> 32);
      int i = (int) top;
      if (ids[i] < 0 || next[i] < 0 || rank(ids[i], ids[next[i]]) != r) continue; // stale entry
      int gone = next[i];
      ids[i] = mergeResult[r];
      ids[gone] = -1;
      next[i] = next[gone];
      if (next[gone] >= 0) prev[next[gone]] = i;
      alive--;
      if (prev[i] >= 0) {
        int pr = rank(ids[prev[i]], ids[i]);
        if (pr != Integer.MAX_VALUE) heap.push(((long) pr << 32) | prev[i]);
      }
      if (next[i] >= 0) {
        int nr = rank(ids[i], ids[next[i]]);
        if (nr != Integer.MAX_VALUE) heap.push(((long) nr << 32) | i);
      }
    }
    int[] out = new int[alive];
    for (int i = 0, k = 0; i >= 0; i = next[i]) out[k++] = ids[i];
    return out;
  }

  /** Min-heap of longs. */
  private static final class LongHeap {
    private long[] a;
    private int size;

    LongHeap(int cap) {
      a = new long[Math.max(8, cap)];
    }

    boolean isEmpty() {
      return size == 0;
    }

    void push(long v) {
      if (size == a.length) a = Arrays.copyOf(a, size * 2);
      int i = size++;
      while (i > 0) {
        int p = (i - 1) >>> 1;
        if (a[p] <= v) break;
        a[i] = a[p];
        i = p;
      }
      a[i] = v;
    }

    long pop() {
      long top = a[0];
      long v = a[--size];
      int i = 0;
      while (true) {
        int l = 2 * i + 1;
        if (l >= size) break;
        int c = l + 1 < size && a[l + 1] < a[l] ? l + 1 : l;
        if (a[c] >= v) break;
        a[i] = a[c];
        i = c;
      }
      a[i] = v;
      return top;
    }
  }
}
