package org.lmforge.dataprep.filter.quality;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.ThresholdFilter;
import org.lmforge.dataprep.filter.text.PyText;
import org.lmforge.dataprep.filter.text.Scope;
import org.lmforge.dataprep.filter.text.WordTokenizer;

/**
 * Gopher quality rules (Rae et al. 2021, App. A.1.1), deciding as datatrove's {@code
 * GopherQualityFilter}:
 *
 * <ul>
 *   <li>tokens from {@link WordTokenizer} (punctuation tokens included); "words" are the tokens
 *       that are not made only of punctuation ({@link WordTokenizer#isSymbolToken});
 *   <li>in this order: word count, mean word length, "#" per token, "..."/"…" per token, lines
 *       starting with "•" or "-", lines ending with an ellipsis, tokens with a letter per token,
 *       stop words;
 *   <li>the ratios are over all tokens (so punctuation lowers the alphabetic share), the word count
 *       and mean length over words; stop words are counted case-sensitively among all tokens ("The"
 *       is not "the");
 *   <li>each comparison is strict: a document exactly at a threshold is kept.
 * </ul>
 *
 * Adaptations outside English ({@link Scope}): the stop-word rule applies only to {@code
 * stopWordLanguages} (and unknown-language documents), and no-space scripts skip the word rules
 * when {@code skipWordRulesWithoutSpaces}. Measure with {@link #measure}, decide with {@link
 * #judge}.
 */
public final class GopherQualityFilter extends ThresholdFilter<GopherStats, GopherQualityConfig> {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "gopher_quality";

  private final Set<String> stopWords;

  public GopherQualityFilter(GopherQualityConfig cfg) {
    super(NAME, cfg);
    this.stopWords = new HashSet<>(cfg.stopWords());
  }

  @Override
  public GopherStats measure(Doc d) {
    String text = d.text();
    List<String> lines = PyText.splitlines(text);
    int bullets = 0;
    int ellipsisLines = 0;
    for (String line : lines) {
      String l = PyText.lstrip(line);
      if (!l.isEmpty() && cfg.bulletChars().indexOf(l.charAt(0)) >= 0) bullets++;
      String r = PyText.rstrip(line);
      if (r.endsWith("...") || r.endsWith("\u2026")) ellipsisLines++;
    }
    // Python divides by len(lines) and fails on an empty text; such a text has no words and is
    // dropped first
    double bulletFrac = lines.isEmpty() ? 0 : (double) bullets / lines.size();
    double ellipsisLineFrac = lines.isEmpty() ? 0 : (double) ellipsisLines / lines.size();
    if (Scope.skipWordRules(cfg.skipWordRulesWithoutSpaces(), d)) {
      return new GopherStats(
          true,
          -1,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          bulletFrac,
          ellipsisLineFrac,
          Double.NaN,
          -1,
          false);
    }
    List<String> tokens = WordTokenizer.words(text);
    long wordChars = 0;
    int words = 0;
    int alpha = 0;
    int stops = 0;
    for (String t : tokens) {
      if (!WordTokenizer.isSymbolToken(t)) {
        words++;
        wordChars += PyText.len(t);
      }
      if (PyText.hasAlpha(t)) alpha++;
      if (stopWords.contains(t)) stops++;
    }
    double n = tokens.size();
    return new GopherStats(
        false,
        words,
        words == 0 ? Double.NaN : (double) wordChars / words,
        PyText.count(text, "#") / n,
        (PyText.count(text, "...") + PyText.count(text, "\u2026")) / n,
        bulletFrac,
        ellipsisLineFrac,
        alpha / n,
        stops,
        Scope.covers(cfg.stopWordLanguages(), d.language()));
  }

  /** The first rule that {@code s} breaks, in the reference's order, or null. */
  @Override
  public String judge(GopherStats s) {
    if (!s.noSpaceScript()) {
      if (below(s.words(), cfg.minWords())) return NAME + ".too_few_words";
      if (above(s.words(), cfg.maxWords())) return NAME + ".too_many_words";
      // a text with no word at all has no mean length (numpy gives NaN, which compares false)
      if (below(s.meanWordLength(), cfg.minMeanWordLength())) return NAME + ".mean_word_length_low";
      if (above(s.meanWordLength(), cfg.maxMeanWordLength()))
        return NAME + ".mean_word_length_high";
      if (above(s.hashRatio(), cfg.maxSymbolWordRatio())) return NAME + ".hash_ratio";
      if (above(s.ellipsisRatio(), cfg.maxSymbolWordRatio())) return NAME + ".ellipsis_ratio";
    }
    if (above(s.bulletLineFrac(), cfg.maxBulletLineFrac())) return NAME + ".bullet_lines";
    if (above(s.ellipsisLineFrac(), cfg.maxEllipsisLineFrac())) return NAME + ".ellipsis_lines";
    if (!s.noSpaceScript()) {
      if (below(s.alphaWordFrac(), cfg.minAlphaWordFrac())) return NAME + ".alpha_words";
      if (s.stopWordRule() && below(s.stopWords(), cfg.minStopWords())) return NAME + ".stop_words";
    }
    return null;
  }
}
