package org.lmforge.dataprep.filter.quality;

import java.io.Serializable;
import org.lmforge.config.Defaults;

/**
 * Gopher repetition rules: Rae et al. 2021, Table A1 (thresholds copied there from the paper; same
 * in datatrove's {@code GopherRepetitionFilter}). Every fraction is a share of the document's
 * characters except the two "frac" of lines / paragraphs, which count items. Comparisons are
 * strict: a document exactly at a threshold is kept. A document above any threshold is dropped; a
 * negative threshold disables its rule.
 *
 * @param maxDupLineFrac 0.30: duplicate lines / lines
 * @param maxDupParaFrac 0.30: duplicate paragraphs / paragraphs (paragraphs split on blank lines)
 * @param maxDupLineCharFrac 0.20: characters in duplicate lines / characters
 * @param maxDupParaCharFrac 0.20: characters in duplicate paragraphs / characters
 * @param maxTop2GramCharFrac 0.20: characters covered by the most frequent 2-gram / characters
 * @param maxTop3GramCharFrac 0.18
 * @param maxTop4GramCharFrac 0.16
 * @param maxDup5GramCharFrac 0.15: characters in repeated (non-overlapping) 5-grams / characters
 * @param maxDup6GramCharFrac 0.14
 * @param maxDup7GramCharFrac 0.13
 * @param maxDup8GramCharFrac 0.12
 * @param maxDup9GramCharFrac 0.11
 * @param maxDup10GramCharFrac 0.10
 * @param topNGramMinCount 1 (the reference): the most frequent n-gram counts even when it occurs
 *     once, so a very short text without any repetition can be dropped for "repetition"; 2 counts
 *     it only when it repeats
 * @param skipWordRulesWithoutSpaces true: documents identified as a language written without word
 *     spaces (not English) skip the n-gram rules; false = the reference
 */
public record GopherRepetitionConfig(
    double maxDupLineFrac,
    double maxDupParaFrac,
    double maxDupLineCharFrac,
    double maxDupParaCharFrac,
    double maxTop2GramCharFrac,
    double maxTop3GramCharFrac,
    double maxTop4GramCharFrac,
    double maxDup5GramCharFrac,
    double maxDup6GramCharFrac,
    double maxDup7GramCharFrac,
    double maxDup8GramCharFrac,
    double maxDup9GramCharFrac,
    double maxDup10GramCharFrac,
    int topNGramMinCount,
    boolean skipWordRulesWithoutSpaces)
    implements Serializable {

  /** The shipped defaults: {@code filters.gopherRepetition} of conf/filters.conf. */
  public static GopherRepetitionConfig defaults() {
    return Defaults.of("filters", "filters.gopherRepetition", GopherRepetitionConfig.class);
  }

  /** Top n-gram thresholds for n = 2..4, index n-2. */
  double[] topNGram() {
    return new double[] {maxTop2GramCharFrac, maxTop3GramCharFrac, maxTop4GramCharFrac};
  }

  /** Duplicate n-gram thresholds for n = 5..10, index n-5. */
  double[] dupNGram() {
    return new double[] {
      maxDup5GramCharFrac,
      maxDup6GramCharFrac,
      maxDup7GramCharFrac,
      maxDup8GramCharFrac,
      maxDup9GramCharFrac,
      maxDup10GramCharFrac
    };
  }
}
