package org.lmforge.dataprep.warc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HTTP response inside a WARC response record, parsed from the record's bytes: status line,
 * headers, body. Written here rather than using jwarc's HttpResponse.parse, which loops forever on
 * some real records (seen on ia-web-commons' link-extraction-test.warc); this parser is a bounded
 * scan that accepts CRLF or bare LF line ends and repeated headers.
 */
record HttpEnvelope(int status, Map<String, List<String>> headers, byte[] body) {
  private static final int MAX_HEADER_BYTES = 1 << 16;

  /** Parses {@code block}; throws IllegalArgumentException when it is not an HTTP response. */
  static HttpEnvelope parse(byte[] block) {
    int end = -1;
    int bodyStart = -1;
    int limit = Math.min(block.length, MAX_HEADER_BYTES);
    for (int i = 0; i < limit; i++) {
      if (block[i] == '\n') {
        if (i + 1 < block.length && block[i + 1] == '\n') {
          end = i;
          bodyStart = i + 2;
          break;
        }
        if (i + 2 < block.length && block[i + 1] == '\r' && block[i + 2] == '\n') {
          end = i;
          bodyStart = i + 3;
          break;
        }
      }
    }
    if (end < 0) {
      if (block.length <= MAX_HEADER_BYTES && block.length > 0) { // headers only, no body
        end = block.length;
        bodyStart = block.length;
      } else {
        throw new IllegalArgumentException(
            "no end of HTTP headers in the first " + MAX_HEADER_BYTES + " bytes");
      }
    }
    String head = new String(block, 0, end, StandardCharsets.ISO_8859_1);
    String[] lines = head.split("\r?\n");
    String statusLine = lines[0].strip();
    if (!statusLine.startsWith("HTTP/")) {
      throw new IllegalArgumentException(
          "not an HTTP status line: '" + abbreviate(statusLine) + "'");
    }
    String[] parts = statusLine.split("\\s+");
    int status;
    try {
      status = Integer.parseInt(parts.length > 1 ? parts[1] : "");
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("no status code in '" + abbreviate(statusLine) + "'");
    }
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    String last = null;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if ((line.startsWith(" ") || line.startsWith("\t"))
          && last != null) { // obsolete line folding
        List<String> v = headers.get(last);
        v.set(v.size() - 1, v.get(v.size() - 1) + " " + line.strip());
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue; // junk line: browsers ignore it too
      }
      last = line.substring(0, colon).strip();
      headers.computeIfAbsent(last, k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
    }
    byte[] body =
        java.util.Arrays.copyOfRange(block, Math.min(bodyStart, block.length), block.length);
    return new HttpEnvelope(status, headers, body);
  }

  String first(String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  List<String> all(String name) {
    return headers.getOrDefault(name, List.of());
  }

  private static String abbreviate(String s) {
    String t = s.length() > 80 ? s.substring(0, 80) + "..." : s;
    return t;
  }
}
