package org.lmforge.dataprep.filter.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The few Python {@code str} operations the reference filters (datatrove) decide with, with
 * Python's semantics: what counts as whitespace ({@code str.isspace}), {@code strip}, {@code
 * split()}, {@code splitlines()} and {@code len} (code points, not UTF-16 units). Java's own
 * versions differ at the edges (Java's {@code strip} ignores U+00A0, {@code String.length} counts
 * surrogate pairs twice), and the rules compare at thresholds where one character decides.
 */
public final class PyText {
  private PyText() {}

  /**
   * Python's {@code str.isspace} for one code point: the Unicode White_Space characters plus
   * U+001C..U+001F.
   */
  public static boolean isSpace(int c) {
    if (c <= ' ') return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
    return c == 0x85
        || c == 0xA0
        || c == 0x1680
        || (c >= 0x2000 && c <= 0x200A)
        || c == 0x2028
        || c == 0x2029
        || c == 0x202F
        || c == 0x205F
        || c == 0x3000;
  }

  /** Python's {@code str.splitlines} line boundaries (a "\r\n" pair is one boundary). */
  static boolean isLineBreak(char c) {
    return c == '\n'
        || c == '\r'
        || c == 0x0B
        || c == 0x0C
        || (c >= 0x1C && c <= 0x1E)
        || c == 0x85
        || c == 0x2028
        || c == 0x2029;
  }

  /** {@code len(s)}: code points. */
  public static int len(CharSequence s) {
    int n = s.length();
    int surrogates = 0;
    for (int i = 0; i < n; i++) {
      if (Character.isHighSurrogate(s.charAt(i))) surrogates++;
    }
    return n - surrogates;
  }

  /** {@code s.strip()}. */
  public static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) start++;
    while (end > start && isSpace(s.charAt(end - 1))) end--;
    return s.substring(start, end);
  }

  /** {@code s.lstrip()}. */
  public static String lstrip(String s) {
    int start = 0;
    while (start < s.length() && isSpace(s.charAt(start))) start++;
    return s.substring(start);
  }

  /** {@code s.rstrip()}. */
  public static String rstrip(String s) {
    int end = s.length();
    while (end > 0 && isSpace(s.charAt(end - 1))) end--;
    return s.substring(0, end);
  }

  /** {@code s.strip() == ""}. */
  public static boolean isBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isSpace(s.charAt(i))) return false;
    }
    return true;
  }

  /** {@code len(s.split())}: runs of non-whitespace. */
  public static int splitCount(String s) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean space = isSpace(s.charAt(i));
      if (!space && !in) n++;
      in = !space;
    }
    return n;
  }

  /** {@code s.split()}. */
  public static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      while (i < n && isSpace(s.charAt(i))) i++;
      int start = i;
      while (i < n && !isSpace(s.charAt(i))) i++;
      if (i > start) out.add(s.substring(start, i));
    }
    return out;
  }

  /** {@code " ".join(s.split())}: every run of whitespace one space, none at the ends. */
  public static String normalizeSpace(CharSequence s) {
    return normalizeSpace(s, PyText::isSpace);
  }

  /** {@link #normalizeSpace(CharSequence)} with {@code isSpace} telling what is whitespace. */
  public static String normalizeSpace(CharSequence s, IntPredicate isSpace) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0, len = s.length(); i < len; i++) {
      char c = s.charAt(i);
      if (isSpace.test(c)) {
        pendingSpace = sb.length() > 0;
      } else {
        if (pendingSpace) {
          sb.append(' ');
          pendingSpace = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** {@code s.splitlines()}: no empty last line for a trailing break, and no line at all for "". */
  public static List<String> splitlines(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (isLineBreak(c)) {
        out.add(s.substring(start, i));
        i += (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') ? 2 : 1;
        start = i;
      } else {
        i++;
      }
    }
    if (start < n) out.add(s.substring(start));
    return out;
  }

  /** {@code s.split("\n")}: every piece, empty ones included. */
  public static List<String> splitOnNewline(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', start)) {
      out.add(s.substring(start, i));
      start = i + 1;
    }
    out.add(s.substring(start));
    return out;
  }

  /** {@code s.count(needle)} (non-overlapping). */
  public static int count(String s, String needle) {
    int c = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) c++;
    return c;
  }

  /**
   * {@code any(ch.isalpha() for ch in s)}: Python's isalpha is the Unicode letter categories L*.
   */
  public static boolean hasAlpha(String s) {
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      if (Character.isLetter(c)) return true;
      i += Character.charCount(c);
    }
    return false;
  }
}
