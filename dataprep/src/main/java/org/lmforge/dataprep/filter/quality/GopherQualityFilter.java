package org.lmforge.dataprep.filter.quality;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.DocFilter;
import org.lmforge.dataprep.filter.Verdict;
import org.lmforge.dataprep.filter.Words;

/**
 * Gopher quality rules (Rae et al. 2021, App. A.1.1). Measure with {@link #measure}, decide with
 * {@link #judge}. For scripts without word spaces ({@link Words#isNoSpaceScript}) the word count, word
 * length, symbol ratio, alphabetic-word and stop-word rules are skipped; bullet and ellipsis line rules apply.
 */
public final class GopherQualityFilter implements DocFilter {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "gopher_quality";

  public static final String TOO_FEW_WORDS = NAME + ".too_few_words";
  public static final String TOO_MANY_WORDS = NAME + ".too_many_words";
  public static final String SHORT_WORDS = NAME + ".mean_word_length_low";
  public static final String LONG_WORDS = NAME + ".mean_word_length_high";
  public static final String HASHES = NAME + ".hash_ratio";
  public static final String ELLIPSES = NAME + ".ellipsis_ratio";
  public static final String BULLET_LINES = NAME + ".bullet_lines";
  public static final String ELLIPSIS_LINES = NAME + ".ellipsis_lines";
  public static final String ALPHA_WORDS = NAME + ".alpha_words";
  public static final String STOP_WORDS = NAME + ".stop_words";

  private final GopherQualityConfig cfg;
  private final Set<String> stopWords;

  public GopherQualityFilter(GopherQualityConfig cfg) {
    this.cfg = cfg;
    this.stopWords = new HashSet<>();
    for (String w : cfg.stopWords()) stopWords.add(w.toLowerCase(Locale.ROOT));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Verdict apply(Doc d) {
    String reason = judge(measure(d), d.language());
    return reason == null ? Verdict.keep(d) : Verdict.drop(d, reason);
  }

  public GopherStats measure(Doc d) {
    String text = d.text();
    List<String> lines = Words.lines(text);
    int bullets = 0;
    int ellipsisLines = 0;
    for (String line : lines) {
      if (startsWithBullet(line)) bullets++;
      if (Words.endsWithEllipsis(line)) ellipsisLines++;
    }
    double bulletFrac = (double) bullets / lines.size();
    double ellipsisLineFrac = (double) ellipsisLines / lines.size();
    if (Words.isNoSpaceScript(text, d.language())) {
      return new GopherStats(true, -1, Double.NaN, Double.NaN, Double.NaN, bulletFrac, ellipsisLineFrac,
          Double.NaN, -1);
    }
    List<String> words = Words.words(text);
    long chars = 0;
    int alpha = 0;
    int stops = 0;
    for (String w : words) {
      chars += w.length();
      if (hasLetter(w)) alpha++;
      if (stopWords.contains(w.toLowerCase(Locale.ROOT))) stops++;
    }
    int n = words.size();
    double denom = Math.max(1, n);
    return new GopherStats(false, n, n == 0 ? 0 : (double) chars / n, count(text, "#") / denom,
        (count(text, "...") + count(text, "\u2026")) / denom, bulletFrac, ellipsisLineFrac,
        n == 0 ? 0 : (double) alpha / n, stops);
  }

  /** The first rule that {@code s} breaks, or null. */
  public String judge(GopherStats s, String language) {
    if (!s.noSpaceScript()) {
      if (cfg.minWords() >= 0 && s.words() < cfg.minWords()) return TOO_FEW_WORDS;
      if (cfg.maxWords() >= 0 && s.words() > cfg.maxWords()) return TOO_MANY_WORDS;
      if (cfg.minMeanWordLength() >= 0 && s.meanWordLength() < cfg.minMeanWordLength()) return SHORT_WORDS;
      if (cfg.maxMeanWordLength() >= 0 && s.meanWordLength() > cfg.maxMeanWordLength()) return LONG_WORDS;
      if (cfg.maxSymbolWordRatio() >= 0 && s.hashRatio() > cfg.maxSymbolWordRatio()) return HASHES;
      if (cfg.maxSymbolWordRatio() >= 0 && s.ellipsisRatio() > cfg.maxSymbolWordRatio()) return ELLIPSES;
    }
    if (cfg.maxBulletLineFrac() >= 0 && s.bulletLineFrac() > cfg.maxBulletLineFrac()) return BULLET_LINES;
    if (cfg.maxEllipsisLineFrac() >= 0 && s.ellipsisLineFrac() > cfg.maxEllipsisLineFrac()) return ELLIPSIS_LINES;
    if (!s.noSpaceScript()) {
      if (cfg.minAlphaWordFrac() >= 0 && s.alphaWordFrac() < cfg.minAlphaWordFrac()) return ALPHA_WORDS;
      if (cfg.minStopWords() >= 0 && cfg.stopWordLanguages().contains(language)
          && s.stopWords() < cfg.minStopWords()) {
        return STOP_WORDS;
      }
    }
    return null;
  }

  private boolean startsWithBullet(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (!Words.isSpace(c)) return cfg.bulletChars().indexOf(c) >= 0;
    }
    return false;
  }

  private static boolean hasLetter(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (Character.isLetter(w.charAt(i))) return true;
    }
    return false;
  }

  static int count(String text, String needle) {
    int c = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) c++;
    return c;
  }
}
