package org.lmforge.dataprep.filter.consent;

import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.DocFilter;
import org.lmforge.dataprep.filter.ListFiles;
import org.lmforge.dataprep.filter.Verdict;

/**
 * Drops pages whose owners opted out of AI training ({@code opt_out.domain}, {@code opt_out.url_prefix},
 * {@code opt_out.robots_directive}). The robots directives come from the ingest stage through
 * {@link DocFilter#apply(Doc, String)}; {@link #apply(Doc)} checks the lists only.
 */
public final class OptOutFilter implements DocFilter {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "opt_out";

  private final OptOut optOut;

  public OptOutFilter(OptOutConfig cfg) {
    this.optOut = ListFiles.cached("opt_out", cfg.toString(), k -> new OptOut(cfg));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Verdict apply(Doc d) {
    return apply(d, null);
  }

  @Override
  public Verdict apply(Doc d, String robotsDirectives) {
    String why = optOut.reason(d.url(), robotsDirectives);
    return why == null ? Verdict.keep(d) : Verdict.drop(d, NAME + "." + why);
  }
}
