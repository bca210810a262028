package org.lmforge.dataprep.filter.quality;

import java.io.Serializable;
import org.lmforge.config.Defaults;

/**
 * FineWeb's own quality rules: Penedo et al. 2024, "The FineWeb Datasets", Sec. 3.6 ("custom
 * filters"), and datatrove's {@code FineWebQualityFilter} (defaults and comparisons as there). A
 * negative threshold disables its rule.
 *
 * @param minLinePunctFrac 0.12: drop if the share of lines ending in {@code lineEndPunctuation} is
 *     at most this
 * @param lineEndPunctuation ". ' \" ! ?" (the reference's stop characters); the last character of
 *     the line counts, so a line ending in a space does not end in punctuation
 * @param maxShortLineFrac 0.67: drop if the share of lines of at most {@code shortLineLength}
 *     characters is at least this
 * @param shortLineLength 30 characters
 * @param maxCharDupFrac 0.01: drop if characters in repeated non-blank lines / characters other
 *     than "\n" is at least this
 * @param maxNewlineWordRatio 0.3: drop if "\n" count / tokens (punctuation tokens included) is
 *     above this
 * @param extraLineEndPunctuation "。！？।": also line-ending punctuation for documents identified as a
 *     language other than English (their own full stops); "" = the reference
 * @param skipWordRulesWithoutSpaces true: documents identified as a language written without word
 *     spaces (not English) skip the short-line and list rules (30 characters is a whole sentence
 *     there); false = the reference
 */
public record FineWebConfig(
    double minLinePunctFrac,
    String lineEndPunctuation,
    double maxShortLineFrac,
    int shortLineLength,
    double maxCharDupFrac,
    double maxNewlineWordRatio,
    String extraLineEndPunctuation,
    boolean skipWordRulesWithoutSpaces)
    implements Serializable {

  /** The shipped defaults: {@code filters.fineweb} of conf/filters.conf. */
  public static FineWebConfig defaults() {
    return Defaults.of("filters", "filters.fineweb", FineWebConfig.class);
  }
}
