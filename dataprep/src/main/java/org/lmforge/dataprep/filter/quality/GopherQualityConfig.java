package org.lmforge.dataprep.filter.quality;

import java.io.Serializable;
import java.util.List;
import org.lmforge.config.Defaults;

/**
 * Gopher quality rules: Rae et al. 2021, "Scaling Language Models: Methods, Analysis &amp; Insights
 * from Training Gopher", Appendix A.1.1 (MassiveWeb quality filters); defaults and semantics of
 * datatrove's {@code GopherQualityFilter}. A negative threshold disables its rule; a document
 * exactly at a threshold is kept.
 *
 * @param minWords 50: fewer words drops (a word is a token not made only of punctuation)
 * @param maxWords 100,000: more words drops
 * @param minMeanWordLength 3: mean word length (characters) below this drops
 * @param maxMeanWordLength 10: mean word length above this drops
 * @param maxSymbolWordRatio 0.1: "#" count / tokens, and ("..." + "…") count / tokens, above this
 *     drops (tokens include punctuation tokens, as in the reference)
 * @param maxBulletLineFrac 0.9: share of lines starting (after leading spaces) with one of {@code
 *     bulletChars} above this drops
 * @param maxEllipsisLineFrac 0.3: share of lines ending with "..." or "…" above this drops
 * @param minAlphaWordFrac 0.8: share of tokens with at least one letter below this drops
 * @param minStopWords 2: fewer tokens equal to one of {@code stopWords} drops (case-sensitive)
 * @param stopWords "the, be, to, of, and, that, have, with" (the paper's list)
 * @param stopWordLanguages [en]: the languages the stop-word rule applies to, besides documents of
 *     unknown language; "*" applies it to every document, as the reference does (the list is
 *     English, so it would drop nearly every page in another language)
 * @param bulletChars "•-": the reference counts lines starting with "•" or "-"
 * @param skipWordRulesWithoutSpaces true: documents identified as Chinese, Japanese, Thai, Lao,
 *     Khmer, Myanmar or Tibetan (not as English) skip the word-count, word-length, symbol,
 *     alphabetic and stop-word rules, whose words do not exist there; false = the reference
 */
public record GopherQualityConfig(
    int minWords,
    int maxWords,
    double minMeanWordLength,
    double maxMeanWordLength,
    double maxSymbolWordRatio,
    double maxBulletLineFrac,
    double maxEllipsisLineFrac,
    double minAlphaWordFrac,
    int minStopWords,
    List<String> stopWords,
    List<String> stopWordLanguages,
    String bulletChars,
    boolean skipWordRulesWithoutSpaces)
    implements Serializable {

  /** The shipped defaults: {@code filters.gopherQuality} of conf/filters.conf. */
  public static GopherQualityConfig defaults() {
    return Defaults.of("filters", "filters.gopherQuality", GopherQualityConfig.class);
  }
}
