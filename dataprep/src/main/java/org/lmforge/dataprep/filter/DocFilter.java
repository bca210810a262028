package org.lmforge.dataprep.filter;

import java.io.Serializable;
import org.lmforge.dataprep.doc.Doc;

/**
 * One named rule family that keeps, drops or edits a document. A filter only judges one document;
 * it never counts (the Spark job counts from {@link FilterChain.Result}s, which stays exact under
 * task retries).
 */
public interface DocFilter extends Serializable {

  /**
   * Display name, the stats key and the prefix of every reason this filter gives ({@code
   * name.rule}).
   */
  String name();

  Verdict apply(Doc d);

  /**
   * Same as {@link #apply(Doc)} for filters that look at page signals the Doc does not carry: the
   * concatenated content of the page's robots meta tags and X-Robots-Tag header (may be null or
   * empty). Only the opt-out filter uses it.
   */
  default Verdict apply(Doc d, String robotsDirectives) {
    return apply(d);
  }
}
