package org.lmforge.dataprep.warc;

import java.io.Serializable;
import java.time.Instant;

/**
 * A page-bearing record read from a crawl file: an HTTP 200 HTML response (WARC) or a text
 * conversion (WET).
 *
 * @param sourceFile the file it came from (full path or URI)
 * @param offset byte offset of the record in that file (compressed offset for .gz)
 * @param recordId WARC-Record-ID, e.g. {@code <urn:uuid:...>}
 * @param warcType response, conversion, resource
 * @param url WARC-Target-URI, with wget's {@code <...>} wrapping removed
 * @param date WARC-Date, or null when it does not parse
 * @param contentType media type of the payload without parameters, e.g. text/html
 * @param httpStatus HTTP status, or 0 for records without an HTTP envelope (WET, resource)
 * @param declaredCharset charset parameter of the HTTP Content-Type, or null
 * @param robotsHeader X-Robots-Tag header values joined by ", ", or "" (for the opt-out filter)
 * @param body payload bytes after transfer/content decoding, at most the configured cap
 * @param bodyTruncated true when the payload was longer than the cap (the rest was not read)
 */
public record CrawlRecord(
    String sourceFile,
    long offset,
    String recordId,
    String warcType,
    String url,
    Instant date,
    String contentType,
    int httpStatus,
    String declaredCharset,
    String robotsHeader,
    byte[] body,
    boolean bodyTruncated)
    implements Serializable {

  /** WET conversion records (and text/plain resources) carry text, not HTML. */
  public boolean isPlainText() {
    return contentType.startsWith("text/plain");
  }
}
