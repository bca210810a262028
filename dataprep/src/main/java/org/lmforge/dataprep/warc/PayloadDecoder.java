package org.lmforge.dataprep.warc;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Undoes HTTP transfer and content encodings on a payload that was already read (and capped).
 * Crawlers disagree on whether they store bodies decoded while keeping the original headers
 * (ClueWeb09 keeps "Content-Encoding: gzip" over plain bytes), so every decoding is tried and the
 * raw bytes kept when the bytes do not match the declared encoding.
 */
final class PayloadDecoder {
  private PayloadDecoder() {}

  static byte[] decode(byte[] raw, String transferEncoding, String contentEncoding, int cap) {
    byte[] body = raw;
    if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      byte[] dechunked = dechunk(body);
      if (dechunked != null) {
        body = dechunked;
      }
    }
    String ce = contentEncoding == null ? "" : contentEncoding.toLowerCase(Locale.ROOT).strip();
    try {
      if ((ce.contains("gzip"))
          && body.length > 2
          && (body[0] & 0xff) == 0x1f
          && (body[1] & 0xff) == 0x8b) {
        return readCapped(new GZIPInputStream(new ByteArrayInputStream(body)), cap);
      }
      if (ce.equals("deflate") && body.length > 1 && (body[0] & 0x0f) == 8) {
        return readCapped(new InflaterInputStream(new ByteArrayInputStream(body)), cap);
      }
      // what browser-based crawlers record as the server sent it; Brotli has no magic number, so
      // a body that does not decode (stored decoded under the original header) is kept as it is
      if (ce.equals("br") && body.length > 0) {
        return readCapped(new BrotliInputStream(new ByteArrayInputStream(body)), cap);
      }
      if (ce.equals("zstd") && CrawlFileReader.startsWith(body, ZSTD_MAGIC)) {
        return readCapped(new ZstdInputStream(new ByteArrayInputStream(body)), cap);
      }
    } catch (IOException | RuntimeException e) {
      // a damaged compressed body (aircompressor throws unchecked exceptions): keep the raw bytes;
      // the binary-body check downstream catches garbage
    }
    return body;
  }

  private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};

  private static byte[] readCapped(InputStream in, int cap) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[1 << 14];
    int n;
    try {
      while ((n = in.read(buf)) > 0 && out.size() <= cap) {
        out.write(buf, 0, n);
      }
    } catch (java.io.EOFException truncated) {
      // keep what decompressed before the end of a truncated stream
    }
    return out.toByteArray();
  }

  /** Decodes HTTP/1.1 chunked framing; null when the bytes are not chunked after all. */
  static byte[] dechunk(byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
    int pos = 0;
    while (pos < b.length) {
      int lineEnd = pos;
      while (lineEnd < b.length && b[lineEnd] != '\n') {
        lineEnd++;
      }
      if (lineEnd >= b.length) {
        return out.size() > 0 ? out.toByteArray() : null;
      }
      String sizeLine =
          new String(b, pos, lineEnd - pos, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
      int semi = sizeLine.indexOf(';');
      if (semi >= 0) {
        sizeLine = sizeLine.substring(0, semi);
      }
      int size;
      try {
        size = Integer.parseInt(sizeLine, 16);
      } catch (NumberFormatException e) {
        return out.size() > 0 ? out.toByteArray() : null;
      }
      pos = lineEnd + 1;
      if (size == 0) {
        return out.toByteArray();
      }
      int n = Math.min(size, b.length - pos);
      out.write(b, pos, n);
      pos += n;
      while (pos < b.length && (b[pos] == '\r' || b[pos] == '\n')) {
        pos++;
      }
    }
    return out.toByteArray();
  }
}
