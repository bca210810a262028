package org.lmforge.dataprep.filter.safety;

import java.util.Map;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.ListFiles;
import org.lmforge.dataprep.filter.ThresholdFilter;

/**
 * The lexical safety signal (see {@link BadWordsConfig}): drops documents where words of the
 * document language's LDNOOBW list are frequent, and always reports {@code
 * lexical_safety.bad_word_ratio} and {@code lexical_safety.bad_word_hits} as scores. A language
 * without a list is kept with no score. This is a word count, not a toxicity classifier.
 */
public final class BadWordsFilter extends ThresholdFilter<BadWordLists.Count, BadWordsConfig> {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "lexical_safety";

  private final BadWordLists lists;

  public BadWordsFilter(BadWordsConfig cfg) {
    super(NAME, cfg);
    this.lists =
        ListFiles.cached(
            "badwords",
            cfg.bundled() + "|" + cfg.directory() + "|" + cfg.allowlist(),
            k ->
                BadWordLists.load(
                    "clean.filters.lexicalSafety.directory",
                    cfg.bundled(),
                    cfg.directory(),
                    cfg.allowlist()));
  }

  public BadWordLists lists() {
    return lists;
  }

  /** Null for a language without a list. */
  @Override
  public BadWordLists.Count measure(Doc d) {
    return lists.count(d.text(), d.language());
  }

  @Override
  public String judge(BadWordLists.Count c) {
    return c.hits() >= cfg.minHits() && c.ratio() > cfg.maxRatio()
        ? NAME + ".bad_word_ratio"
        : null;
  }

  @Override
  protected Map<String, Double> scores(BadWordLists.Count c) {
    return Map.of(NAME + ".bad_word_ratio", c.ratio(), NAME + ".bad_word_hits", (double) c.hits());
  }
}
