package org.lmforge.dataprep.filter.pii;

import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.BaseFilter;

/** Redacts PII (see {@link PiiRedactor}); never drops. Edits are counted per kind: pii.email=3. */
public final class PiiFilter extends BaseFilter<PiiRedactor.Result> {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "pii";

  private final PiiRedactor redactor;

  public PiiFilter(PiiConfig cfg) {
    super(NAME);
    this.redactor = new PiiRedactor(cfg);
  }

  @Override
  public PiiRedactor.Result measure(Doc d) {
    return redactor.redact(d.text(), d.language());
  }

  /** Never drops. */
  @Override
  public String judge(PiiRedactor.Result r) {
    return null;
  }

  @Override
  protected TextEdit edit(Doc d, PiiRedactor.Result r) {
    return r.counts().isEmpty() ? null : new TextEdit(r.text(), r.charsRemoved(), r.counts());
  }
}
