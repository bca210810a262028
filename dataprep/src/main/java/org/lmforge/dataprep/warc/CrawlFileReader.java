package org.lmforge.dataprep.warc;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.zip.ZipException;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTargetRecord;

/**
 * Reads one WARC or WET file (plain, or gzip per record) with jwarc and yields every record as a
 * {@link CrawlItem}. A parse or decompression error never ends the file: the stretch is reported as
 * MALFORMED with its offset, and reading resumes at the next gzip member (for .gz) or the next
 * {@code WARC/} header line (for plain files), so the good records around it are kept.
 */
public final class CrawlFileReader implements Iterator<CrawlItem>, AutoCloseable {
  private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b, 0x08};
  private static final byte[] WARC_MAGIC =
      "WARC/".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] ARC_MAGIC =
      "filedesc://".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final CrawlSource source;
  private final String file;
  private final int maxBodyBytes;
  private final ArrayDeque<CrawlItem> pending = new ArrayDeque<>();
  private long fileLength;
  private boolean gzip;
  private boolean arc;
  private WarcReader reader;
  private long base; // absolute offset the current WarcReader started at
  private long lastGoodOffset = -1;
  private boolean done;
  private int recoveries;
  private static final int MAX_RECOVERIES = 100_000;

  public CrawlFileReader(CrawlSource source, int maxBodyBytes) {
    this.source = source;
    this.file = source.name();
    this.maxBodyBytes = maxBodyBytes;
    try {
      this.fileLength = source.length();
      start();
    } catch (IOException e) {
      pending.add(CrawlItem.malformed(file, 0, CrawlItem.UNREADABLE, e.toString()));
      done = true;
    }
  }

  /** Reads a whole local file into a list; for tests and small tools. */
  public static List<CrawlItem> readAll(CrawlSource source, int maxBodyBytes) {
    List<CrawlItem> items = new java.util.ArrayList<>();
    try (CrawlFileReader r = new CrawlFileReader(source, maxBodyBytes)) {
      r.forEachRemaining(items::add);
    }
    return items;
  }

  private void start() throws IOException {
    if (fileLength == 0) {
      pending.add(CrawlItem.malformed(file, 0, CrawlItem.EMPTY_FILE, "file has no bytes"));
      done = true;
      return;
    }
    byte[] head;
    try (InputStream in = source.openAt(0)) {
      head = in.readNBytes(16);
    }
    gzip = startsWith(head, GZIP_MAGIC);
    if (gzip) {
      try (InputStream in = new java.util.zip.GZIPInputStream(source.openAt(0))) {
        head = in.readNBytes(16);
      } catch (IOException e) {
        head = new byte[0]; // a corrupt first member: let the reader report it and resync
      }
    }
    // ARC, the Internet Archive's format before WARC: jwarc reads its records as WARC responses
    arc = startsWith(head, ARC_MAGIC);
    if (head.length > 0 && !startsWith(head, WARC_MAGIC) && !arc) {
      pending.add(
          CrawlItem.malformed(
              file,
              0,
              CrawlItem.NOT_WARC,
              "not a WARC or ARC file (it starts with neither 'WARC/', 'filedesc://' nor a gzip"
                  + " header)"));
      done = true;
      return;
    }
    openReaderAt(0);
  }

  private void openReaderAt(long offset) throws IOException {
    closeReader();
    base = offset;
    InputStream in = new BufferedInputStream(source.openAt(offset), 1 << 16);
    reader = new WarcReader(Channels.newChannel(in));
    reader.setLenient(true); // tolerate the header quirks of real crawlers (wget, ClueWeb)
  }

  @Override
  public boolean hasNext() {
    while (pending.isEmpty() && !done) {
      advance();
    }
    return !pending.isEmpty();
  }

  @Override
  public CrawlItem next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return pending.poll();
  }

  private void advance() {
    WarcRecord rec;
    try {
      Optional<WarcRecord> next = reader.next();
      if (next.isEmpty()) {
        done = true;
        closeReader();
        return;
      }
      rec = next.get();
    } catch (Exception e) {
      // The record after the last good one is damaged: report it where it starts, skip past it.
      long at = lastGoodOffset < 0 ? base : nextBoundary(lastGoodOffset + 1, lastGoodOffset + 1);
      if (at
          < 0) { // no record boundary left after the last good record: the damage runs to the end
        pending.add(
            CrawlItem.malformed(
                file, Math.max(base, lastGoodOffset + 1), classify(e), describe(e)));
        done = true;
        closeReader();
        return;
      }
      recover(at, classify(e), e);
      return;
    }
    long offset = base + reader.position();
    try {
      CrawlItem item = toItem(rec, offset);
      pending.add(item);
      lastGoodOffset = offset;
    } catch (HttpEnvelopeException e) {
      // The WARC framing is intact, only the HTTP message inside is broken: no need to resync.
      pending.add(CrawlItem.malformed(file, offset, CrawlItem.BAD_HTTP, e.getMessage()));
      lastGoodOffset = offset;
    } catch (Exception e) {
      recover(offset, classify(e), e);
    }
  }

  /**
   * Reports a malformed stretch at {@code at} and restarts reading at the next record boundary
   * after it.
   */
  private void recover(long at, String reason, Exception e) {
    pending.add(CrawlItem.malformed(file, at, reason, describe(e)));
    long resume = nextBoundary(at + 1, at + 1);
    lastGoodOffset = -1;
    // Reading must move forward: a resume point at or before the current start would read the same
    // records again (seen when a mis-framed record makes the reader's positions run past the file
    // end).
    if (resume < 0 || resume <= base || ++recoveries > MAX_RECOVERIES) {
      done = true;
      closeReader();
      return;
    }
    try {
      openReaderAt(resume);
      lastGoodOffset = -1;
    } catch (IOException io) {
      pending.add(CrawlItem.malformed(file, resume, CrawlItem.UNREADABLE, describe(io)));
      done = true;
    }
  }

  /**
   * Offset of the next gzip member header (gzip files) or "WARC/" at a line start (plain files) at
   * or after {@code from}; -1 if none. Scans the raw bytes with a rolling window.
   */
  private long nextBoundary(long from, long fallback) {
    // a plain ARC record starts with its URL line, nothing to find it by: the damage runs to the
    // end
    if (arc && !gzip) return -1;
    byte[] magic = gzip ? GZIP_MAGIC : WARC_MAGIC;
    if (from >= fileLength) {
      return -1;
    }
    try (InputStream in = new BufferedInputStream(source.openAt(from), 1 << 16)) {
      long pos = from;
      int matched = 0;
      int prev = '\n';
      int b;
      while ((b = in.read()) >= 0) {
        if (b == (magic[matched] & 0xff) && (matched > 0 || gzip || prev == '\n')) {
          matched++;
          if (matched == magic.length) {
            return pos - magic.length + 1;
          }
        } else {
          matched = (b == (magic[0] & 0xff) && (gzip || prev == '\n')) ? 1 : 0;
        }
        prev = b;
        pos++;
      }
      return -1;
    } catch (IOException e) {
      return -1;
    }
  }

  private CrawlItem toItem(WarcRecord rec, long offset) throws IOException {
    String type = rec.type();
    if (rec instanceof WarcRevisit) {
      return CrawlItem.skipped(file, offset, type, CrawlItem.REVISIT, null);
    }
    if (!(rec instanceof WarcTargetRecord target)) {
      return CrawlItem.skipped(file, offset, type, CrawlItem.NOT_A_CAPTURE, null);
    }
    boolean isResponse = rec instanceof WarcResponse;
    boolean isConversion = "conversion".equals(type);
    boolean isResource = "resource".equals(type);
    String url = cleanUrl(target.target());
    // resource records also carry crawler files (wget's log and arguments under metadata://): only
    // web
    // captures are pages
    if (!isResponse && !isConversion && !(isResource && url.startsWith("http"))) {
      return CrawlItem.skipped(file, offset, type, CrawlItem.NOT_A_CAPTURE, null);
    }
    Instant date = safeDate(rec);
    String id = recordId(rec, offset);

    int status = 0;
    String contentType;
    String declaredCharset = null;
    String robots = "";
    InputStream body;
    if (isResponse
        && rec.contentType() != null
        && rec.contentType().base().equals(MediaType.HTTP_RESPONSE.base())) {
      // Parse the HTTP message from the record's own bytes (bounded by WARC Content-Length), not
      // from
      // the live stream: a damaged record can then never make a body read run away.
      byte[] block = readCapped(rec.body().stream(), maxBodyBytes + (1 << 16));
      HttpEnvelope http;
      try {
        http = HttpEnvelope.parse(block);
      } catch (RuntimeException e) {
        throw new HttpEnvelopeException("HTTP response header does not parse: " + describe(e));
      }
      status = http.status();
      if (status != 200) {
        return CrawlItem.skipped(file, offset, type, CrawlItem.HTTP_NOT_200, "status " + status);
      }
      String ct = http.first("Content-Type");
      ct = ct == null ? "" : ct;
      MediaType mt = MediaType.parseLeniently(ct);
      contentType = ct.isBlank() ? "" : mt.base().toString().toLowerCase(Locale.ROOT);
      declaredCharset = mt.parameters().get("charset");
      robots = String.join(", ", http.all("X-Robots-Tag"));
      byte[] raw =
          http.body().length > maxBodyBytes + 1
              ? java.util.Arrays.copyOf(http.body(), maxBodyBytes + 1)
              : http.body();
      body =
          new java.io.ByteArrayInputStream(
              PayloadDecoder.decode(
                  raw,
                  http.first("Transfer-Encoding"),
                  http.first("Content-Encoding"),
                  maxBodyBytes + 1));
    } else {
      MediaType mt = rec.contentType();
      contentType = mt == null ? "" : mt.base().toString().toLowerCase(Locale.ROOT);
      declaredCharset = mt == null ? null : mt.parameters().get("charset");
      body = rec.body().stream();
    }

    byte[] bytes = readCapped(body, maxBodyBytes + 1);
    boolean truncated = bytes.length > maxBodyBytes;
    if (truncated) {
      bytes = java.util.Arrays.copyOf(bytes, maxBodyBytes);
    }
    if (contentType.isEmpty()) {
      contentType = looksLikeHtml(bytes) ? "text/html" : "application/octet-stream";
    }
    boolean html = contentType.equals("text/html") || contentType.equals("application/xhtml+xml");
    boolean text = contentType.equals("text/plain") && (isConversion || isResource);
    if (!html && !text) {
      return CrawlItem.skipped(file, offset, type, CrawlItem.NOT_HTML, contentType);
    }
    return CrawlItem.page(
        new CrawlRecord(
            file,
            offset,
            id,
            type,
            url,
            date,
            contentType,
            status,
            declaredCharset,
            robots,
            bytes,
            truncated));
  }

  /**
   * Reads at most {@code cap} bytes. Unlike InputStream.readNBytes it stops when the stream keeps
   * answering 0 bytes (seen on a jwarc body over a damaged record) instead of allocating forever.
   */
  static byte[] readCapped(InputStream in, int cap) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(Math.min(cap, 1 << 16));
    byte[] buf = new byte[1 << 16];
    int zeroReads = 0;
    while (out.size() < cap) {
      int n = in.read(buf, 0, Math.min(buf.length, cap - out.size()));
      if (n < 0 || (n == 0 && ++zeroReads > 3)) {
        break;
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static boolean looksLikeHtml(byte[] b) {
    String head =
        new String(b, 0, Math.min(b.length, 512), java.nio.charset.StandardCharsets.ISO_8859_1)
            .stripLeading()
            .toLowerCase(Locale.ROOT);
    return head.startsWith("<!doctype html") || head.startsWith("<html");
  }

  /** WARC-Record-ID, or a stable id from file and offset for the (real) files that lack one. */
  private String recordId(WarcRecord rec, long offset) {
    Optional<String> id = rec.headers().first("WARC-Record-ID");
    if (id.isPresent() && !id.get().isBlank()) {
      return id.get().strip();
    }
    return "<urn:lmforge:" + Integer.toHexString(file.hashCode()) + ":" + offset + ">";
  }

  private static Instant safeDate(WarcRecord rec) {
    try {
      return rec.date();
    } catch (RuntimeException e) {
      return null; // e.g. ClueWeb09's "2008-10-294T05:21:46-0700"
    }
  }

  /** wget writes WARC-Target-URI as {@code <http://...>}; some tools leave surrounding spaces. */
  static String cleanUrl(String raw) {
    if (raw == null) {
      return "";
    }
    String u = raw.strip();
    if (u.startsWith("<") && u.endsWith(">")) {
      u = u.substring(1, u.length() - 1).strip();
    }
    return u;
  }

  private static String classify(Exception e) {
    Throwable t = e;
    while (t != null) {
      if (t instanceof ZipException) {
        return CrawlItem.CORRUPT_GZIP;
      }
      if (t instanceof EOFException) {
        return CrawlItem.TRUNCATED;
      }
      String msg = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (msg.contains("gzip") || msg.contains("inflat") || msg.contains("deflat")) {
        return CrawlItem.CORRUPT_GZIP;
      }
      if (msg.contains("unexpected end") || msg.contains("premature") || msg.contains("eof")) {
        return CrawlItem.TRUNCATED;
      }
      t = t.getCause();
    }
    return CrawlItem.PARSE_ERROR;
  }

  private static String describe(Throwable e) {
    String m = e.getClass().getSimpleName() + ": " + e.getMessage();
    return m.length() > 300 ? m.substring(0, 300) : m;
  }

  static boolean startsWith(byte[] b, byte[] prefix) {
    return b.length >= prefix.length
        && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
  }

  private void closeReader() {
    if (reader != null) {
      try {
        reader.close();
      } catch (IOException ignored) {
        // nothing left to lose: the stream was only read
      }
      reader = null;
    }
  }

  @Override
  public void close() {
    done = true;
    closeReader();
  }

  /** The HTTP message inside an intact WARC record is broken. */
  private static final class HttpEnvelopeException extends IOException {
    HttpEnvelopeException(String msg) {
      super(msg);
    }
  }
}
