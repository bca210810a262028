package org.lmforge.pipeline.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What a file is, from its first bytes: the kinds users pass to the wrong command (plain text or a
 * Parquet output to the clean job, a JSON file to tokenize, binary data to a text option). Used to
 * name the mistake and the fix in quarantine rows and input errors; never to decide what a job
 * accepts.
 */
public enum FileKind {
  EMPTY("an empty file"),
  WARC("a WARC/WET file"),
  GZIP_WARC("a gzipped WARC/WET file"),
  ARC("an ARC file"),
  PARQUET("a Parquet file"),
  TEXT("plain text"),
  GZIP_TEXT("gzip-compressed text"),
  GZIP_BINARY("gzip-compressed binary data"),
  ZSTD("zstd-compressed data"),
  UTF16("UTF-16 text"),
  BINARY("binary data");

  /**
   * Bytes read to decide (the compressed head of a gzip file inflates to at least this much text).
   */
  public static final int HEAD_BYTES = 8192;

  private final String description;

  FileKind(String description) {
    this.description = description;
  }

  /** "plain text", "a Parquet file", …: reads after "is" in a message. */
  public String description() {
    return description;
  }

  /** Reads the first {@link #HEAD_BYTES} of a file on any Hadoop FileSystem. */
  public static FileKind sniff(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      return of(in.readNBytes(HEAD_BYTES));
    }
  }

  /** Reads the first {@link #HEAD_BYTES} of a local file. */
  public static FileKind sniff(java.nio.file.Path file) throws IOException {
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      return of(in.readNBytes(HEAD_BYTES));
    }
  }

  /**
   * A zstd frame (28 B5 2F FD), or a skippable frame (50..5F 2A 4D 18), which is how a .warc.zst
   * carries its dictionary.
   */
  private static boolean isZstd(byte[] h) {
    if (h.length < 4) return false;
    int b0 = h[0] & 0xff;
    int b1 = h[1] & 0xff;
    int b2 = h[2] & 0xff;
    int b3 = h[3] & 0xff;
    return (b0 == 0x28 && b1 == 0xb5 && b2 == 0x2f && b3 == 0xfd)
        || ((b0 & 0xf0) == 0x50 && b1 == 0x2a && b2 == 0x4d && b3 == 0x18);
  }

  /** The kind of a file whose first bytes are {@code head}. */
  public static FileKind of(byte[] head) {
    if (head.length == 0) {
      return EMPTY;
    }
    if (startsWith(head, "PAR1")) {
      return PARQUET;
    }
    if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      byte[] inner = inflateHead(head);
      if (startsWith(inner, "WARC/")) {
        return GZIP_WARC;
      }
      if (startsWith(inner, "filedesc:")) {
        return ARC;
      }
      return inner.length > 0 && isText(inner) ? GZIP_TEXT : GZIP_BINARY;
    }
    if (startsWith(head, "WARC/")) {
      return WARC;
    }
    if (isZstd(head)) {
      return ZSTD;
    }
    if (startsWith(head, "filedesc:")) {
      return ARC;
    }
    if (isUtf16(head)) {
      return UTF16;
    }
    return isText(head) ? TEXT : BINARY;
  }

  /**
   * How to turn a file of this kind into the UTF-8 text a command asked for, or null when it is not
   * text in another form: "decompress it first (gunzip -k F)", "convert it to UTF-8 …".
   */
  public String toText(String file) {
    return switch (this) {
      case GZIP_TEXT -> "decompress it first (gunzip -k " + file + ")";
      case UTF16 -> "convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8 " + file + " > F.txt)";
      default -> null;
    };
  }

  /**
   * A byte order mark of UTF-16, or Latin text in UTF-16 without one: every other byte zero (a NUL
   * made it "binary data").
   */
  private static boolean isUtf16(byte[] h) {
    if (h.length >= 2
        && (((h[0] & 0xff) == 0xff && (h[1] & 0xff) == 0xfe)
            || ((h[0] & 0xff) == 0xfe && (h[1] & 0xff) == 0xff))) {
      return true;
    }
    int n = Math.min(h.length, 512) & ~1;
    if (n < 8) return false;
    int evenZeros = 0;
    int oddZeros = 0;
    for (int i = 0; i < n; i += 2) {
      if (h[i] == 0) evenZeros++;
      if (h[i + 1] == 0) oddZeros++;
    }
    int pairs = n / 2;
    return (oddZeros * 10 >= pairs * 9 && evenZeros * 10 <= pairs)
        || (evenZeros * 10 >= pairs * 9 && oddZeros * 10 <= pairs);
  }

  /**
   * No NUL byte and almost no control characters (UTF-8 and Latin-1 text pass; random bytes do
   * not).
   */
  static boolean isText(byte[] b) {
    int control = 0;
    for (byte x : b) {
      int c = x & 0xff;
      if (c == 0) {
        return false;
      }
      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == 0x7f) {
        control++;
      }
    }
    return control * 100 <= b.length;
  }

  /** As much of the first gzip member as the head holds; empty when it does not inflate. */
  private static byte[] inflateHead(byte[] head) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(head))) {
      byte[] buf = new byte[4096];
      int n;
      while (out.size() < HEAD_BYTES && (n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
      }
    } catch (IOException e) {
      // the head ends inside the member (EOF) or it is corrupt: judge what inflated so far
    }
    return out.toByteArray();
  }

  private static boolean startsWith(byte[] b, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
    return b.length >= p.length && Arrays.equals(b, 0, p.length, p, 0, p.length);
  }
}
