package org.lmforge.dataprep.filter.quality;

import java.io.Serializable;
import java.util.List;

/**
 * Gopher quality rules: Rae et al. 2021, "Scaling Language Models: Methods, Analysis &amp; Insights from
 * Training Gopher", Appendix A.1.1 (MassiveWeb quality filters); defaults as published there and in
 * datatrove's {@code GopherQualityFilter}. A negative threshold disables its rule.
 *
 * @param minWords           50: drop documents with fewer words (punctuation tokens not counted)
 * @param maxWords           100,000: drop documents with more words
 * @param minMeanWordLength  3: mean word length (characters) below this drops
 * @param maxMeanWordLength  10: mean word length above this drops
 * @param maxSymbolWordRatio 0.1: "#" count / words, and ("..." + "…") count / words, above this drops
 * @param maxBulletLineFrac  0.9: fraction of lines starting with a bullet above this drops
 * @param maxEllipsisLineFrac 0.3: fraction of lines ending with an ellipsis above this drops
 * @param minAlphaWordFrac   0.8: fraction of words with at least one alphabetic character below this drops
 * @param minStopWords       2: fewer of {@code stopWords} in the text drops ("the, be, to, of, and, that,
 *                           have, with", the paper's list)
 * @param stopWords          the stop-word list (lower case)
 * @param stopWordLanguages  languages the stop-word rule applies to (the list is English; other languages
 *                           skip the rule rather than all being dropped)
 * @param bulletChars        characters that count as a bullet at the start of a line (datatrove: "•")
 */
public record GopherQualityConfig(int minWords, int maxWords, double minMeanWordLength, double maxMeanWordLength,
    double maxSymbolWordRatio, double maxBulletLineFrac, double maxEllipsisLineFrac, double minAlphaWordFrac,
    int minStopWords, List<String> stopWords, List<String> stopWordLanguages, String bulletChars)
    implements Serializable {

  public static GopherQualityConfig defaults() {
    return new GopherQualityConfig(50, 100_000, 3, 10, 0.1, 0.9, 0.3, 0.8, 2,
        List.of("the", "be", "to", "of", "and", "that", "have", "with"), List.of("en"), "•‣◦●▪");
  }
}
