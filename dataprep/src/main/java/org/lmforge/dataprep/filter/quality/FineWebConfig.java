package org.lmforge.dataprep.filter.quality;

import java.io.Serializable;

/**
 * FineWeb's own quality rules: Penedo et al. 2024, "The FineWeb Datasets", Sec. 3.6 ("custom filters"), and
 * datatrove's {@code FineWebQualityFilter}. A negative threshold disables its rule.
 *
 * @param minLinePunctFrac     0.12: drop if the fraction of lines ending in {@code stopChars} is at most this
 * @param lineEndPunctuation   {@code . ' " ! ?} (datatrove), plus the ideographic / full-width marks and the
 *                             Devanagari danda so text in those scripts is judged by its own full stops
 * @param maxShortLineFrac     0.67: drop if the fraction of lines of at most {@code shortLineLength}
 *                             characters is at least this (skipped for scripts without word spaces, where 30
 *                             characters is a full sentence)
 * @param shortLineLength      30 characters
 * @param maxCharDupFrac       0.01: drop if characters in duplicated (non-blank) lines / characters without
 *                             newlines is at least this
 * @param maxNewlineWordRatio  0.3: drop if newlines / words is above this ("list_ratio"; skipped for scripts
 *                             without word spaces)
 */
public record FineWebConfig(double minLinePunctFrac, String lineEndPunctuation, double maxShortLineFrac,
    int shortLineLength, double maxCharDupFrac, double maxNewlineWordRatio) implements Serializable {

  public static FineWebConfig defaults() {
    return new FineWebConfig(0.12, ".'\"!?。！？।", 0.67, 30, 0.01, 0.3);
  }
}
