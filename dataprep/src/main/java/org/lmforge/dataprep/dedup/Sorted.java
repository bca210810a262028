package org.lmforge.dataprep.dedup;

import java.util.Arrays;

/**
 * Sorted, de-duplicated arrays of 64-bit hashes, the set representation of shingles and line
 * hashes.
 */
final class Sorted {
  private Sorted() {}

  /** The first {@code n} values of {@code a}, sorted, each once; sorts {@code a} in place. */
  static long[] distinct(long[] a, int n) {
    Arrays.sort(a, 0, n);
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (m == 0 || a[i] != a[m - 1]) {
        a[m++] = a[i];
      }
    }
    return m == a.length ? a : Arrays.copyOf(a, m);
  }
}
