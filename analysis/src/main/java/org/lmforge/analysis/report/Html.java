package org.lmforge.analysis.report;

import java.util.List;
import java.util.Locale;

/** Small HTML helpers: escaping, number formatting and tables. */
final class Html {
  private Html() {}

  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * 4 significant digits, scientific outside [1e-3, 1e5); an em dash for NaN, a signed infinity
   * sign for one.
   */
  static String num(double v) {
    if (Double.isNaN(v)) {
      return "\u2014";
    }
    if (Double.isInfinite(v)) {
      // an unidentified fit can push a scale parameter past the double range (the demo's Kaplan
      // N_c)
      return v > 0 ? "\u221e" : "\u2212\u221e";
    }
    double a = Math.abs(v);
    if (a != 0 && (a < 1e-3 || a >= 1e5)) {
      String[] me = String.format(Locale.ROOT, "%.3e", v).split("e");
      return trimZeros(me[0]) + "e" + me[1];
    }
    return trimZeros(String.format(Locale.ROOT, "%.4g", v));
  }

  /** "0.07600" -> "0.076", "2.000" -> "2". */
  private static String trimZeros(String s) {
    if (!s.contains(".")) {
      return s;
    }
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** Whole numbers in full with thousands separators (counters); others as {@link #num}. */
  static String count(double v) {
    if (Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    return num(v);
  }

  static String interval(double lo, double hi) {
    return Double.isNaN(lo) ? "\u2014" : "[" + num(lo) + ", " + num(hi) + "]";
  }

  /** A table; header and cells are escaped text. */
  static String table(String cssClass, List<String> header, List<List<String>> rows) {
    StringBuilder b = new StringBuilder("<table class=\"" + cssClass + "\"><thead><tr>");
    for (String h : header) {
      b.append("<th>").append(escape(h)).append("</th>");
    }
    b.append("</tr></thead><tbody>\n");
    for (List<String> r : rows) {
      b.append("<tr>");
      for (String c : r) {
        b.append("<td>").append(escape(c)).append("</td>");
      }
      b.append("</tr>\n");
    }
    return b.append("</tbody></table>\n").toString();
  }

  static String notAvailable(String why) {
    return "<p class=\"na\">not available: " + escape(why) + "</p>\n";
  }
}
