package org.lmforge.dataprep.tokenize;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts pre-tokens over texts on one machine: the input {@link BpeTrainer} wants. (The Spark job
 * does the same with {@link PreTokenizer#split(String)} and a reduceByKey.) Not thread-safe; merge
 * counters instead.
 */
public final class PreTokenCounter {
  private final Map<String, Long> counts = new HashMap<>();
  private long bytes;

  public void add(String text) {
    add(text.getBytes(StandardCharsets.UTF_8));
  }

  public void add(byte[] utf8) {
    bytes += utf8.length;
    PreTokenizer.split(
        utf8,
        0,
        utf8.length,
        (s, e) -> counts.merge(new String(utf8, s, e - s, StandardCharsets.UTF_8), 1L, Long::sum));
  }

  /** Adds another counter's counts (e.g. one per thread or file). */
  public void addAll(Map<String, Long> other) {
    other.forEach((k, v) -> counts.merge(k, v, Long::sum));
  }

  public Map<String, Long> counts() {
    return counts;
  }

  /** UTF-8 bytes seen so far. */
  public long bytes() {
    return bytes;
  }
}
