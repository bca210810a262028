package org.lmforge.dataprep.dedup;

/** Jaccard similarity of two sorted distinct sets, and its MinHash estimate. */
public final class Jaccard {
  private Jaccard() {}

  /** |A n B| / |A u B| by a merge of two sorted distinct arrays; 0 when both are empty. */
  public static double exact(int[] x, int[] y) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < x.length && j < y.length) {
      if (x[i] == y[j]) {
        common++;
        i++;
        j++;
      } else if (x[i] < y[j]) {
        i++;
      } else {
        j++;
      }
    }
    int union = x.length + y.length - common;
    return union == 0 ? 0.0 : (double) common / union;
  }

  /**
   * Share of positions where two signatures agree, an unbiased estimate of the Jaccard similarity.
   */
  public static double estimate(int[] sigA, int[] sigB) {
    int eq = 0;
    for (int i = 0; i < sigA.length; i++) {
      if (sigA[i] == sigB[i]) {
        eq++;
      }
    }
    return (double) eq / sigA.length;
  }
}
