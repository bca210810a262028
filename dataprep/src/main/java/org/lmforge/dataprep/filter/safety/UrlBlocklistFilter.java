package org.lmforge.dataprep.filter.safety;

import java.util.Map;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.DocFilter;
import org.lmforge.dataprep.filter.ListFiles;
import org.lmforge.dataprep.filter.Verdict;

/**
 * Drops documents whose URL a blocklist rule matches; the reason names the rule kind
 * ({@code url_blocklist.domain}, {@code .exact_host}, {@code .url_substring}, {@code .banned_word},
 * {@code .soft_banned_words}, {@code .banned_subword}). Reports {@code url_blocklist.soft_word_hits}, an adult
 * signal from the URL alone, when any soft-banned word occurs.
 */
public final class UrlBlocklistFilter implements DocFilter {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "url_blocklist";
  public static final String SCORE_SOFT_WORDS = NAME + ".soft_word_hits";

  private final UrlBlocklist list;

  public UrlBlocklistFilter(UrlBlocklistConfig cfg) {
    this.list = ListFiles.cached("url_blocklist", cfg.toString(), k -> new UrlBlocklist(cfg));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Verdict apply(Doc d) {
    UrlBlocklist.Match m = list.match(d.url());
    if (m == null) return Verdict.keep(d);
    Map<String, Double> scores =
        m.softWordHits() > 0 ? Map.of(SCORE_SOFT_WORDS, (double) m.softWordHits()) : Map.of();
    return m.rule() == null ? Verdict.keep(d, scores) : Verdict.drop(d, NAME + "." + m.rule(), scores);
  }
}
