package org.lmforge.dataprep.tokenize;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns byte-level BPE merges from a table of pre-token counts (the corpus-wide count of each
 * {@link PreTokenizer} piece, which the Spark job computes).
 *
 * <p>Algorithm (as in Hugging Face tokenizers' BpeTrainer): each distinct pre-token is a word of
 * byte ids with a count. Pair counts are built once; a max-heap holds (count, pair) and an index
 * maps each pair to the words that contain it. A merge rewrites only the words listed for its pair
 * and updates the counts of the neighbouring pairs it destroys and creates; pairs created by the
 * merge are pushed onto the heap. Counts of existing pairs only fall, so a popped entry whose count
 * is stale is pushed back with its current count (lazy deletion). Cost per merge: the occurrences
 * of the merged pair, never a full recount.
 *
 * <p>Ties: the pair with the higher count wins; among equal counts the smaller left id, then the
 * smaller right id (ids: byte b = b, merge k = 256 + k). Results do not depend on the iteration
 * order of the input map.
 *
 * <p>Ids of the result: bytes 0..255 by value, merges from 256 in learned order, then the special
 * tokens.
 */
public final class BpeTrainer {

  private BpeTrainer() {}

  /** Trains on pre-token strings (encoded as UTF-8) and their counts. */
  public static BpeTokenizer train(Map<String, Long> preTokenCounts, BpeTrainerConfig cfg) {
    List<byte[]> words = new ArrayList<>(preTokenCounts.size());
    long[] counts = new long[preTokenCounts.size()];
    int i = 0;
    for (Map.Entry<String, Long> e : preTokenCounts.entrySet()) {
      words.add(e.getKey().getBytes(StandardCharsets.UTF_8));
      counts[i++] = e.getValue();
    }
    return trainBytes(words, counts, cfg);
  }

  /** Trains on pre-tokens as raw bytes, {@code counts[i]} occurrences of {@code words.get(i)}. */
  public static BpeTokenizer trainBytes(List<byte[]> words, long[] counts, BpeTrainerConfig cfg) {
    State st = new State(words, counts);
    List<Merge> merges = new ArrayList<>();
    int target = cfg.mergeCount();
    while (merges.size() < target) {
      long best = st.popBest(cfg.minPairCount());
      if (best == Long.MIN_VALUE) break;
      int id = 256 + merges.size();
      merges.add(new Merge((int) (best >>> 32), (int) best, id));
      st.merge(best, id);
    }
    int[] byteToId = new int[256];
    for (int b = 0; b < 256; b++) byteToId[b] = b;
    Map<String, Integer> specials = new LinkedHashMap<>();
    for (String s : cfg.specialTokens()) specials.put(s, 256 + merges.size() + specials.size());
    return new BpeTokenizer(cfg.name(), byteToId, merges, specials);
  }

  /** Words, pair counts, pair -> words index and the heap. */
  private static final class State {
    final int[][] sym;
    final int[] len;
    final long[] wcount;
    final int[] stamp;

    // Pair table: pair -> slot; per slot the total count and the words that (may) contain the pair.
    final LongIntMap slotOf = new LongIntMap(1 << 16);
    long[] pairKey = new long[1 << 16];
    long[] pairCount = new long[1 << 16];
    IntList[] pairWords = new IntList[1 << 16];
    int slots;

    final PairHeap heap = new PairHeap();
    final IntList created = new IntList(64); // slots of pairs created by the current merge

    State(List<byte[]> words, long[] counts) {
      int n = words.size();
      sym = new int[n][];
      len = new int[n];
      wcount = counts;
      stamp = new int[n];
      Arrays.fill(stamp, -1);
      for (int w = 0; w < n; w++) {
        byte[] b = words.get(w);
        int[] s = new int[b.length];
        for (int k = 0; k < b.length; k++) s[k] = b[k] & 0xFF;
        sym[w] = s;
        len[w] = b.length;
        for (int k = 0; k + 1 < b.length; k++) add(s[k], s[k + 1], counts[w], w);
      }
      for (int slot = 0; slot < slots; slot++) heap.push(pairCount[slot], pairKey[slot]);
    }

    int slot(long key) {
      int s = slotOf.get(key);
      if (s >= 0) return s;
      if (slots == pairKey.length) {
        int cap = slots * 2;
        pairKey = Arrays.copyOf(pairKey, cap);
        pairCount = Arrays.copyOf(pairCount, cap);
        pairWords = Arrays.copyOf(pairWords, cap);
      }
      s = slots++;
      pairKey[s] = key;
      pairWords[s] = new IntList(2);
      slotOf.put(key, s);
      return s;
    }

    /** Adds {@code delta} to the pair's count and lists word w under it (once in a row). */
    int add(int left, int right, long delta, int w) {
      int s = slot(LongIntMap.pair(left, right));
      pairCount[s] += delta;
      IntList ws = pairWords[s];
      if (ws.last() != w) ws.add(w);
      return s;
    }

    void sub(int left, int right, long delta) {
      pairCount[slotOf.get(LongIntMap.pair(left, right))] -= delta;
    }

    /** The most frequent pair (ties: smaller key), or Long.MIN_VALUE when none reaches minCount. */
    long popBest(long minCount) {
      while (!heap.isEmpty()) {
        long count = heap.topCount();
        long key = heap.topKey();
        heap.pop();
        long current = pairCount[slotOf.get(key)];
        if (current != count) {
          if (current > 0)
            heap.push(current, key); // stale: counts only fall, re-queue at the true count
          continue;
        }
        return count >= minCount && count > 0 ? key : Long.MIN_VALUE;
      }
      return Long.MIN_VALUE;
    }

    void merge(long key, int id) {
      int a = (int) (key >>> 32);
      int b = (int) key;
      int mergedSlot = slotOf.get(key);
      IntList ws = pairWords[mergedSlot];
      created.size = 0;
      for (int k = 0; k < ws.size; k++) {
        int w = ws.data[k];
        if (stamp[w] == id) continue; // listed twice
        stamp[w] = id;
        mergeWord(w, a, b, id);
      }
      pairCount[mergedSlot] = 0;
      pairWords[mergedSlot] = new IntList(0); // free the list; the pair cannot occur again
      for (int k = 0; k < created.size; k++) {
        int s = created.data[k];
        if (pairCount[s] > 0) heap.push(pairCount[s], pairKey[s]);
      }
    }

    private void mergeWord(int w, int a, int b, int id) {
      int[] s = sym[w];
      int n = len[w];
      long c = wcount[w];
      int j = 0;
      int i = 0;
      while (i < n) {
        if (i + 1 < n && s[i] == a && s[i + 1] == b) {
          if (j > 0) {
            int prev = s[j - 1];
            sub(prev, a, c);
            noteCreated(add(prev, id, c, w));
          }
          if (i + 2 < n) {
            sub(b, s[i + 2], c);
            noteCreated(add(id, s[i + 2], c, w));
          }
          s[j++] = id;
          i += 2;
        } else {
          s[j++] = s[i++];
        }
      }
      len[w] = j;
    }

    private void noteCreated(int slot) {
      // A new pair's slot may be noted many times; pushing duplicates is harmless (stale ones are
      // dropped),
      // but dedupe cheaply on the most recent entry.
      if (created.last() != slot) created.add(slot);
    }
  }

  /** Max-heap of (count, pair key): higher count first, then smaller key. */
  private static final class PairHeap {
    private long[] counts = new long[1 << 16];
    private long[] keys = new long[1 << 16];
    private int size;

    boolean isEmpty() {
      return size == 0;
    }

    long topCount() {
      return counts[0];
    }

    long topKey() {
      return keys[0];
    }

    private static boolean before(long c1, long k1, long c2, long k2) {
      return c1 > c2 || (c1 == c2 && k1 < k2);
    }

    void push(long count, long key) {
      if (size == counts.length) {
        counts = Arrays.copyOf(counts, size * 2);
        keys = Arrays.copyOf(keys, size * 2);
      }
      int i = size++;
      while (i > 0) {
        int p = (i - 1) >>> 1;
        if (!before(count, key, counts[p], keys[p])) break;
        counts[i] = counts[p];
        keys[i] = keys[p];
        i = p;
      }
      counts[i] = count;
      keys[i] = key;
    }

    void pop() {
      long c = counts[--size];
      long k = keys[size];
      int i = 0;
      while (true) {
        int l = 2 * i + 1;
        if (l >= size) break;
        int m = l + 1 < size && before(counts[l + 1], keys[l + 1], counts[l], keys[l]) ? l + 1 : l;
        if (!before(counts[m], keys[m], c, k)) break;
        counts[i] = counts[m];
        keys[i] = keys[m];
        i = m;
      }
      counts[i] = c;
      keys[i] = k;
    }
  }
}
