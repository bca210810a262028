package org.lmforge.dataprep.filter.safety;

import java.util.Map;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.DocFilter;
import org.lmforge.dataprep.filter.ListFiles;
import org.lmforge.dataprep.filter.Verdict;

/**
 * The lexical safety signal (see {@link BadWordsConfig}): drops documents where words of the document
 * language's LDNOOBW list are frequent, and always reports {@code lexical_safety.bad_word_ratio} and
 * {@code lexical_safety.bad_word_hits} as scores. A language without a list is kept with no score. This is a
 * word count, not a toxicity classifier.
 */
public final class BadWordsFilter implements DocFilter {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "lexical_safety";
  public static final String TOO_MANY = NAME + ".bad_word_ratio";
  public static final String SCORE_RATIO = NAME + ".bad_word_ratio";
  public static final String SCORE_HITS = NAME + ".bad_word_hits";

  private final BadWordsConfig cfg;
  private final BadWordLists lists;

  public BadWordsFilter(BadWordsConfig cfg) {
    this.cfg = cfg;
    this.lists = ListFiles.cached("badwords", cfg.bundled() + "|" + cfg.directory() + "|" + cfg.allowlist(),
        k -> BadWordLists.load("filters.lexicalSafety.directory", cfg.bundled(), cfg.directory(), cfg.allowlist()));
  }

  @Override
  public String name() {
    return NAME;
  }

  public BadWordLists lists() {
    return lists;
  }

  @Override
  public Verdict apply(Doc d) {
    BadWordLists.Count c = lists.count(d.text(), d.language());
    if (c == null) return Verdict.keep(d);
    Map<String, Double> scores = Map.of(SCORE_RATIO, c.ratio(), SCORE_HITS, (double) c.hits());
    if (c.hits() >= cfg.minHits() && c.ratio() > cfg.maxRatio()) return Verdict.drop(d, TOO_MANY, scores);
    return Verdict.keep(d, scores);
  }
}
