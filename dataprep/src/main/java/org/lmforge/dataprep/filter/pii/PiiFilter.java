package org.lmforge.dataprep.filter.pii;

import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.DocFilter;
import org.lmforge.dataprep.filter.Verdict;

/** Redacts PII (see {@link PiiRedactor}); never drops. Edits are counted per kind: pii.email=3. */
public final class PiiFilter implements DocFilter {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "pii";

  private final PiiRedactor redactor;

  public PiiFilter(PiiConfig cfg) {
    this.redactor = new PiiRedactor(cfg);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Verdict apply(Doc d) {
    PiiRedactor.Result r = redactor.redact(d.text(), d.language());
    if (r.counts().isEmpty()) return Verdict.keep(d);
    return Verdict.modified(d.withText(r.text()), r.charsRemoved(), r.counts());
  }
}
