package org.lmforge.dataprep.warc;

import java.io.Serializable;

/**
 * One thing the reader met at an offset of a crawl file: a page to process, a record skipped for a
 * named reason (counted only), or a malformed stretch (counted and quarantined with its location).
 */
public record CrawlItem(
    Kind kind,
    String file,
    long offset,
    String warcType,
    String reason,
    String detail,
    CrawlRecord record)
    implements Serializable {

  public enum Kind {
    PAGE,
    SKIPPED,
    MALFORMED
  }

  // Skip reasons: well-formed records that carry no page text.
  public static final String NOT_A_CAPTURE =
      "warc.not_a_capture"; // warcinfo, request, metadata, ...
  public static final String REVISIT = "warc.revisit";
  public static final String HTTP_NOT_200 = "http.status_not_200";
  public static final String NOT_HTML = "http.not_html";

  // Malformed reasons: quarantined with file + offset.
  public static final String EMPTY_FILE = "file.empty";
  public static final String NOT_WARC = "file.not_warc"; // ARC, or not a web archive at all
  public static final String CORRUPT_GZIP = "warc.corrupt_gzip";
  public static final String PARSE_ERROR = "warc.parse_error";
  public static final String TRUNCATED = "warc.truncated";
  public static final String BAD_HTTP = "http.bad_envelope";
  public static final String UNREADABLE = "file.unreadable";

  static CrawlItem page(CrawlRecord r) {
    return new CrawlItem(Kind.PAGE, r.sourceFile(), r.offset(), r.warcType(), null, null, r);
  }

  static CrawlItem skipped(
      String file, long offset, String warcType, String reason, String detail) {
    return new CrawlItem(Kind.SKIPPED, file, offset, warcType, reason, detail, null);
  }

  public static CrawlItem malformed(String file, long offset, String reason, String detail) {
    return new CrawlItem(Kind.MALFORMED, file, offset, null, reason, detail, null);
  }
}
