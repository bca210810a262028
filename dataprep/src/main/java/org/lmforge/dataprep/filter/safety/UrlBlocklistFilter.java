package org.lmforge.dataprep.filter.safety;

import java.util.Map;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.BaseFilter;
import org.lmforge.dataprep.filter.ListFiles;

/**
 * Drops documents whose URL a blocklist rule matches; the reason names the rule kind ({@code
 * url_blocklist.domain}, {@code .exact_host}, {@code .url_substring}, {@code .banned_word}, {@code
 * .soft_banned_words}, {@code .banned_subword}). Reports {@code url_blocklist.soft_word_hits}, an
 * adult signal from the URL alone, when any soft-banned word occurs.
 */
public final class UrlBlocklistFilter extends BaseFilter<UrlBlocklist.Match> {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "url_blocklist";

  private final UrlBlocklist list;

  public UrlBlocklistFilter(UrlBlocklistConfig cfg) {
    super(NAME);
    this.list = ListFiles.cached("url_blocklist", cfg.toString(), k -> new UrlBlocklist(cfg));
  }

  /** Null when no rule matches and no soft-banned word occurs. */
  @Override
  public UrlBlocklist.Match measure(Doc d) {
    return list.match(d.url());
  }

  @Override
  public String judge(UrlBlocklist.Match m) {
    return m.rule() == null ? null : NAME + "." + m.rule().id();
  }

  @Override
  protected Map<String, Double> scores(UrlBlocklist.Match m) {
    return m.softWordHits() > 0
        ? Map.of(NAME + ".soft_word_hits", (double) m.softWordHits())
        : Map.of();
  }
}
