package org.lmforge.dataprep.filter.consent;

import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.BaseFilter;
import org.lmforge.dataprep.filter.DocFilter;
import org.lmforge.dataprep.filter.ListFiles;

/**
 * Drops pages whose owners opted out of AI training ({@code opt_out.domain}, {@code
 * opt_out.url_prefix}, {@code opt_out.robots_directive}). The robots directives come from the
 * ingest stage through {@link DocFilter#apply(Doc, String)}; {@link #apply(Doc)} checks the lists
 * only.
 */
public final class OptOutFilter extends BaseFilter<String> {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "opt_out";

  private final OptOut optOut;

  public OptOutFilter(OptOutConfig cfg) {
    super(NAME);
    this.optOut = ListFiles.cached("opt_out", cfg.toString(), k -> new OptOut(cfg));
  }

  /** The opt-out kind ({@code domain}, {@code url_prefix}) from the lists alone, or null. */
  @Override
  public String measure(Doc d) {
    return measure(d, null);
  }

  @Override
  protected String measure(Doc d, String robotsDirectives) {
    return optOut.reason(d.url(), robotsDirectives);
  }

  @Override
  public String judge(String why) {
    return NAME + "." + why;
  }
}
