package org.lmforge.dataprep.dedup;

import java.io.Serializable;
import java.util.List;
import org.lmforge.config.Defaults;
import org.lmforge.config.Records;
import org.lmforge.config.Require;

/**
 * Settings of the dedupe stage; the HOCON block {@code dedup { ... }} in conf/dedup.conf uses these
 * component names. Levels run in this order, each on the documents the previous ones kept: URL,
 * exact, near, line.
 *
 * @param url URL level on/off: one document per normalised URL
 * @param keep which document of a URL group, exact group or near-duplicate cluster is kept:
 *     "newest" (latest crawl_date, then longest) or "longest" (largest text_length, then newest);
 *     remaining ties go to the smallest id
 * @param trackingParams query parameters removed before URL comparison; an entry ending in "*" is a
 *     prefix
 * @param exact exact level on/off: one document per 128-bit hash of the normalised text
 * @param lines line level on/off (CCNet, Wenzek et al. 2020)
 * @param lineMaxRepeats K: a line whose normalised hash occurs in more than K documents is removed
 *     from all of them except its first occurrence (earliest crawl_date, then smallest id); 1 =
 *     CCNet
 * @param near near-duplicate level on/off (MinHash + LSH, Broder 1997; Leskovec et al. ch. 3)
 * @param shingleSize n of the word n-gram shingles
 * @param numHashes MinHash values per document; must be at least bands * rows
 * @param bands LSH bands; a pair becomes a candidate when any band agrees on all its rows
 * @param rows MinHash values per band
 * @param verify candidate check: "exact" (true Jaccard of the shingle sets), "signature" (share of
 *     equal MinHash values over all numHashes) or "none" (every candidate is a duplicate)
 * @param threshold Jaccard at or above which two documents are near-duplicates
 * @param maxBucketSize an LSH bucket larger than this links its members to its smallest member only
 *     (star) instead of all pairs, so one huge bucket costs O(size), not O(size^2)
 * @param seed seed of the MinHash permutations
 */
public record DedupConfig(
    boolean url,
    String keep,
    List<String> trackingParams,
    boolean exact,
    boolean lines,
    int lineMaxRepeats,
    boolean near,
    int shingleSize,
    int numHashes,
    int bands,
    int rows,
    String verify,
    double threshold,
    int maxBucketSize,
    long seed)
    implements Serializable {

  public static final List<String> KEEP_RULES = List.of("newest", "longest");
  public static final List<String> VERIFY_MODES = List.of("exact", "signature", "none");

  public DedupConfig {
    trackingParams = trackingParams == null ? List.of() : List.copyOf(trackingParams);
    validate(
        keep,
        verify,
        lineMaxRepeats,
        shingleSize,
        numHashes,
        bands,
        rows,
        threshold,
        maxBucketSize);
  }

  /** The shipped defaults: {@code dedup} of conf/dedup.conf. */
  public static DedupConfig defaults() {
    return Defaults.of("dedup", "dedup", DedupConfig.class);
  }

  public DedupConfig withLevels(boolean url, boolean exact, boolean lines, boolean near) {
    return Records.with(this, "url", url, "exact", exact, "lines", lines, "near", near);
  }

  public DedupConfig withKeep(String keep) {
    return Records.with(this, "keep", keep);
  }

  public DedupConfig withNear(int numHashes, int bands, int rows, String verify, double threshold) {
    return Records.with(
        this,
        "numHashes",
        numHashes,
        "bands",
        bands,
        "rows",
        rows,
        "verify",
        verify,
        "threshold",
        threshold);
  }

  private static void validate(
      String keep,
      String verify,
      int lineMaxRepeats,
      int shingleSize,
      int numHashes,
      int bands,
      int rows,
      double threshold,
      int maxBucketSize) {
    if (!KEEP_RULES.contains(keep)) {
      throw new IllegalArgumentException("dedup.keep = \"" + keep + "\": use one of " + KEEP_RULES);
    }
    if (!VERIFY_MODES.contains(verify)) {
      throw new IllegalArgumentException(
          "dedup.verify = \"" + verify + "\": use one of " + VERIFY_MODES);
    }
    Require.atLeast("dedup.lineMaxRepeats", lineMaxRepeats, 1);
    Require.atLeast("dedup.shingleSize", shingleSize, 1);
    if (bands < 1 || rows < 1 || (long) bands * rows > numHashes) {
      throw new IllegalArgumentException(
          "dedup.bands x dedup.rows = "
              + bands
              + " x "
              + rows
              + " must be >= 1 each and at most dedup.numHashes = "
              + numHashes
              + "; raise numHashes");
    }
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("dedup.threshold = " + threshold + ": must be in (0, 1]");
    }
    Require.atLeast("dedup.maxBucketSize", maxBucketSize, 2);
  }
}
