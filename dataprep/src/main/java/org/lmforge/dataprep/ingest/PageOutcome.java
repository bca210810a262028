package org.lmforge.dataprep.ingest;

import java.io.Serializable;

/**
 * What became of one page record: KEPT (page set), DROPPED by a named rule (page set, so a user can
 * audit it), or QUARANTINED (the record could not be processed; file + offset + reason are what is
 * kept). A kept page may still carry a {@code warning} (e.g. a wrong declared charset that was
 * repaired).
 */
public record PageOutcome(Kind kind, String reason, String detail, String warning, CleanPage page)
    implements Serializable {

  public enum Kind {
    KEPT,
    DROPPED,
    QUARANTINED
  }

  public static final String TOO_LARGE = "page.too_large";
  public static final String EXTRACT_FAILED = "extract.failed";
  public static final String NO_TEXT = "extract.no_text";
  public static final String LANGUAGE_NOT_ALLOWED = "language.not_allowed";
  public static final String LANGUAGE_LOW_CONFIDENCE = "language.low_confidence";
}
