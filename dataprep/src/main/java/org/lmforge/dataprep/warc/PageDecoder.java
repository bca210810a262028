package org.lmforge.dataprep.warc;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a payload into a String: byte-order mark, then the HTTP charset, then a {@code <meta
 * charset>} in the first bytes, then a validity check (UTF-8 if the bytes are valid UTF-8, else
 * windows-1252, which is what browsers do for undeclared Western pages). A declared charset that is
 * unknown or contradicted by the bytes is reported as a problem but the page is still decoded; a
 * binary payload under a text type is refused.
 */
public final class PageDecoder {
  /**
   * {@code <meta charset>}, {@code <meta http-equiv content="...; charset=">} or an XML
   * declaration.
   */
  private static final Pattern META_CHARSET =
      Pattern.compile(
          "(?:<meta[^>]+charset\\s*=\\s*[\"']?|<\\?xml[^>]+encoding\\s*=\\s*[\"'])([A-Za-z0-9._:-]{1,40})",
          Pattern.CASE_INSENSITIVE);

  private static final int SNIFF_BYTES = 4096;
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** Latin-1 and ASCII labels, which WHATWG reads as windows-1252. */
  private static final Set<String> WINDOWS_1252_LABELS =
      Set.of("iso-8859-1", "latin1", "us-ascii", "ascii", "iso8859-1");

  private PageDecoder() {}

  /**
   * @param text the decoded page, null when {@code problem} is {@link #BINARY}
   * @param declared charset named by header or meta tag as written, or null
   * @param used charset used to decode
   * @param problem null, or one of the reasons below
   */
  public record Decoded(String text, String declared, String used, String problem) {}

  public static final String BINARY = "page.binary_body";
  public static final String UNKNOWN_CHARSET = "page.charset_unknown";
  public static final String WRONG_CHARSET = "page.charset_wrong";

  public static Decoded decode(byte[] body, String httpCharset) {
    Charset bom = bomCharset(body);
    if (bom != null) {
      int skip = bom == StandardCharsets.UTF_8 ? 3 : 2;
      return new Decoded(
          new String(body, skip, body.length - skip, bom), httpCharset, bom.name(), null);
    }
    if (looksBinary(body)) {
      return new Decoded(null, httpCharset, "none", BINARY);
    }
    String declared =
        httpCharset != null && !httpCharset.isBlank() ? httpCharset.strip() : metaCharset(body);
    String problem = null;
    if (declared != null) {
      Charset cs = lookup(declared);
      if (cs == null) {
        problem = UNKNOWN_CHARSET;
      } else if (cs == StandardCharsets.UTF_8 && !isValidUtf8(body)) {
        problem = WRONG_CHARSET; // very common: "utf-8" declared over windows-1252 bytes
      } else {
        return new Decoded(new String(body, cs), declared, cs.name(), null);
      }
    }
    Charset detected = isValidUtf8(body) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    return new Decoded(new String(body, detected), declared, detected.name(), problem);
  }

  /**
   * Decodes a file that has no HTTP header (e.g. {@code *.html} on disk) by the same rules; binary
   * bytes are read as windows-1252 rather than refused, since the caller asked for text.
   */
  public static String decodeText(byte[] body) {
    Decoded d = decode(body, null);
    return d.text() != null ? d.text() : new String(body, WINDOWS_1252);
  }

  /** WHATWG treats latin1/ascii labels as windows-1252; unknown or unsupported names give null. */
  static Charset lookup(String label) {
    String l = label.toLowerCase(Locale.ROOT).replace('_', '-').strip();
    if (WINDOWS_1252_LABELS.contains(l)) return WINDOWS_1252;
    if (l.equals("utf8")) {
      return StandardCharsets.UTF_8;
    }
    if (l.startsWith("utf-16")) {
      return StandardCharsets
          .UTF_8; // a page that says UTF-16 in ASCII bytes is not UTF-16 (no BOM was found)
    }
    try {
      return Charset.isSupported(l) ? Charset.forName(l) : null;
    } catch (RuntimeException e) {
      return null; // IllegalCharsetNameException for labels like "utf-8;"
    }
  }

  static String metaCharset(byte[] body) {
    String head =
        new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    return m.find() ? m.group(1) : null;
  }

  private static Charset bomCharset(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  /**
   * Binary if, in the first 8 KiB, more than 2% of bytes are control characters that never occur in
   * text (NUL and the C0 range except tab, newlines, form feed and ESC used by ISO-2022 encodings).
   */
  static boolean looksBinary(byte[] b) {
    int n = Math.min(b.length, 8192);
    if (n == 0) {
      return false;
    }
    int bad = 0;
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xff;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) {
        bad++;
      }
    }
    return bad * 50 > n;
  }

  static boolean isValidUtf8(byte[] b) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
