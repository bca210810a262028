package org.lmforge.dataprep.filter.pii;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and replaces e-mail addresses, IP addresses, phone numbers, payment card numbers, IBANs and
 * US social security numbers (the last three in {@link NumberIds}). Guards against the usual false
 * positives: version numbers ("version 1.2.3.4", "v1.2.3.4", "1.2.3.4.5"), retina image names
 * ("logo@2x.png"), dates, prices and ISBNs (digit runs that libphonenumber might read as numbers).
 * When two finds overlap, the one that starts first (then the longer) wins: a card number is not
 * also redacted as a phone number.
 */
public final class PiiRedactor implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What is redacted; {@link #key} names a kind in the counts ({@code pii.email}). */
  public enum Kind {
    EMAIL,
    IPV4,
    IPV6,
    PHONE,
    CARD,
    IBAN,
    SSN;

    public String key() {
      return "pii." + name().toLowerCase(Locale.ROOT);
    }
  }

  // the leading lookaheads: see NumberIds.CARD
  private static final Pattern EMAIL_RE =
      Pattern.compile(
          "(?=[A-Za-z0-9])(?<![\\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
              + "[A-Za-z]{2,24}(?![\\w-])");
  private static final java.util.Set<String> FILE_TLDS =
      java.util.Set.of(
          "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "avif", "js", "css");

  static final Pattern IPV4_RE =
      Pattern.compile(
          "(?=\\d)(?<![\\w.])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?!\\.?\\d)(?![\\w-])");
  private static final Pattern VERSION_CONTEXT =
      Pattern.compile(
          "(?i)\\b(version|versión|versione|ver\\.?|release|build|firmware|driver|update|patch|v)\\s*[:#]?\\s*$");

  static final Pattern IPV6_RE =
      Pattern.compile(
          "(?=[0-9A-Fa-f:])(?<![\\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|:|\\d{1,3}(?:\\.\\d{1,3}){3})(?![\\w:])");

  private static final Pattern DATE_LIKE =
      Pattern.compile("\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}");
  private static final Pattern ISBN_CONTEXT =
      Pattern.compile("(?i)(isbn(-1[03])?|issn|doi)\\s*[:#]?\\s*$");

  private final PiiConfig cfg;
  private final Map<String, String> regionByLanguage = new HashMap<>();

  /** Counts by kind ({@link Kind#key}) and characters replaced. */
  public record Result(String text, Map<String, Integer> counts, long charsRemoved) {}

  private record Span(int start, int end, Kind kind) {}

  public PiiRedactor(PiiConfig cfg) {
    this.cfg = cfg;
    for (String pair : cfg.phoneRegions()) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "clean.filters.pii.phoneRegions: '" + pair + "' is not language=REGION (e.g. en=US)");
      }
      regionByLanguage.put(
          pair.substring(0, eq).strip(), pair.substring(eq + 1).strip().toUpperCase(Locale.ROOT));
    }
  }

  public Result redact(String text, String language) {
    List<Span> spans = new ArrayList<>();
    if (cfg.email() && text.indexOf('@') >= 0) findEmails(text, spans);
    if (cfg.ip()) {
      if (mayHoldIpv4(text)) findIpv4(text, spans);
      if (mayHoldIpv6(text)) findIpv6(text, spans);
    }
    boolean digits = hasDigitRun(text);
    if (digits && cfg.card()) NumberIds.cards(text, (a, b) -> spans.add(new Span(a, b, Kind.CARD)));
    if (digits && cfg.ssn()) NumberIds.ssns(text, (a, b) -> spans.add(new Span(a, b, Kind.SSN)));
    if (digits && cfg.iban()) NumberIds.ibans(text, (a, b) -> spans.add(new Span(a, b, Kind.IBAN)));
    if (cfg.phone() && digits) findPhones(text, language, spans);
    if (spans.isEmpty()) return new Result(text, Map.of(), 0);
    spans.sort(
        (a, b) ->
            a.start != b.start ? Integer.compare(a.start, b.start) : Integer.compare(b.end, a.end));
    StringBuilder out = new StringBuilder(text.length());
    Map<String, Integer> counts = new LinkedHashMap<>();
    int pos = 0;
    long removed = 0;
    for (Span s : spans) {
      if (s.start < pos) continue; // overlaps an earlier match (e.g. digits of an e-mail)
      out.append(text, pos, s.start).append(placeholder(s.kind));
      removed += s.end - s.start;
      counts.merge(s.kind.key(), 1, Integer::sum);
      pos = s.end;
    }
    out.append(text, pos, text.length());
    return new Result(out.toString(), counts, removed);
  }

  private String placeholder(Kind kind) {
    return switch (kind) {
      case EMAIL -> cfg.emailPlaceholder();
      case IPV4, IPV6 -> cfg.ipPlaceholder();
      case PHONE -> cfg.phonePlaceholder();
      case CARD -> cfg.cardPlaceholder();
      case IBAN -> cfg.ibanPlaceholder();
      case SSN -> cfg.ssnPlaceholder();
    };
  }

  private static void findEmails(String text, List<Span> spans) {
    Matcher m = EMAIL_RE.matcher(text);
    while (m.find()) {
      String tld = m.group().substring(m.group().lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      if (!FILE_TLDS.contains(tld)) spans.add(new Span(m.start(), m.end(), Kind.EMAIL));
    }
  }

  private void findIpv4(String text, List<Span> spans) {
    Matcher m = IPV4_RE.matcher(text);
    while (m.find()) {
      int[] o = new int[4];
      boolean ok = true;
      for (int i = 0; i < 4; i++) {
        String g = m.group(i + 1);
        o[i] = Integer.parseInt(g);
        if (o[i] > 255 || (g.length() > 1 && g.charAt(0) == '0')) ok = false;
      }
      if (!ok) continue;
      if (!cfg.redactNonGlobalIps() && !isGlobalV4(o)) continue;
      String before = text.substring(Math.max(0, m.start() - 24), m.start());
      if (VERSION_CONTEXT.matcher(before).find()) continue;
      spans.add(new Span(m.start(), m.end(), Kind.IPV4));
    }
  }

  // The address patterns are tried at every position of the text; most texts cannot hold an
  // address at all, which one pass over the text's dots or colons shows. Each check below is a
  // necessary condition of its pattern, so skipping the pattern when it fails changes no result.

  /**
   * False when {@link #IPV4_RE} cannot match: it needs a digit, a dot, one to three digits, a dot
   * and a digit ("1.2.3").
   */
  static boolean mayHoldIpv4(String text) {
    int n = text.length();
    for (int i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
      if (i == 0 || !isAsciiDigit(text.charAt(i - 1))) continue;
      int k = i + 1;
      while (k < n && k - i <= 3 && isAsciiDigit(text.charAt(k))) k++;
      if (k > i + 1 && k + 1 < n && text.charAt(k) == '.' && isAsciiDigit(text.charAt(k + 1))) {
        return true;
      }
    }
    return false;
  }

  /**
   * False when {@link #IPV6_RE} cannot match: it needs two colons with at most four hex digits
   * between them ("a:b:", "::").
   */
  static boolean mayHoldIpv6(String text) {
    int previous = -6; // no colon yet: none is within reach
    for (int i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
      if (i - previous <= 5 && allHex(text, previous + 1, i)) return true;
      previous = i;
    }
    return false;
  }

  private static boolean allHex(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!(isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
    }
    return true;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Python's ipaddress.is_global for IPv4, in short. */
  static boolean isGlobalV4(int[] o) {
    if (o[0] == 0 || o[0] == 10 || o[0] == 127 || o[0] >= 224) return false;
    if (o[0] == 169 && o[1] == 254) return false;
    if (o[0] == 172 && o[1] >= 16 && o[1] <= 31) return false;
    if (o[0] == 192 && o[1] == 168) return false;
    if (o[0] == 100 && o[1] >= 64 && o[1] <= 127) return false; // carrier-grade NAT
    if (o[0] == 192 && o[1] == 0 && (o[2] == 0 || o[2] == 2)) return false;
    if (o[0] == 198 && (o[1] == 18 || o[1] == 19)) return false;
    if (o[0] == 198 && o[1] == 51 && o[2] == 100) return false;
    if (o[0] == 203 && o[1] == 0 && o[2] == 113) return false;
    return true;
  }

  private void findIpv6(String text, List<Span> spans) {
    Matcher m = IPV6_RE.matcher(text);
    while (m.find()) {
      String s = m.group();
      int[] groups = parseIpv6(s);
      if (groups == null) continue;
      if (!cfg.redactNonGlobalIps() && !isGlobalV6(groups)) continue;
      spans.add(new Span(m.start(), m.end(), Kind.IPV6));
    }
  }

  /**
   * The eight 16-bit groups, or null when {@code s} is not a valid IPv6 literal with at least one
   * digit.
   */
  static int[] parseIpv6(String s) {
    if (s.indexOf(':') < 0) return null;
    boolean digit = false;
    for (int i = 0; i < s.length(); i++) digit |= Character.isDigit(s.charAt(i));
    if (!digit) return null; // "dead:beef:cafe" style words and C++ "a::b" have no digit
    String tail = null; // embedded IPv4
    int lastColon = s.lastIndexOf(':');
    if (s.indexOf('.', lastColon) >= 0) {
      tail = s.substring(lastColon + 1);
      s = s.substring(0, lastColon + 1) + "0:0";
    }
    int dbl = s.indexOf("::");
    if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) return null;
    String[] left =
        dbl < 0
            ? s.split(":", -1)
            : (dbl == 0 ? new String[0] : s.substring(0, dbl).split(":", -1));
    String[] right =
        dbl < 0
            ? new String[0]
            : (dbl + 2 == s.length() ? new String[0] : s.substring(dbl + 2).split(":", -1));
    int n = left.length + right.length;
    if (dbl < 0 ? n != 8 : n > 7) return null;
    int[] g = new int[8];
    for (int i = 0; i < left.length; i++) {
      if ((g[i] = hex(left[i])) < 0) return null;
    }
    for (int i = 0; i < right.length; i++) {
      if ((g[8 - right.length + i] = hex(right[i])) < 0) return null;
    }
    if (tail != null) {
      String[] p = tail.split("\\.");
      if (p.length != 4) return null;
      for (String x : p) {
        if (x.isEmpty() || x.length() > 3 || Integer.parseInt(x) > 255) return null;
      }
      g[6] = Integer.parseInt(p[0]) << 8 | Integer.parseInt(p[1]);
      g[7] = Integer.parseInt(p[2]) << 8 | Integer.parseInt(p[3]);
    }
    return g;
  }

  private static int hex(String x) {
    if (x.isEmpty() || x.length() > 4) return -1;
    try {
      return Integer.parseInt(x, 16);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Global unicast 2000::/3 outside documentation (2001:db8::/32); "::1", fe80::, fc00:: are not.
   */
  static boolean isGlobalV6(int[] g) {
    if ((g[0] & 0xE000) != 0x2000) return false;
    return !(g[0] == 0x2001 && g[1] == 0x0db8);
  }

  private void findPhones(String text, String language, List<Span> spans) {
    String region = regionByLanguage.getOrDefault(language, "ZZ");
    for (PhoneNumberMatch m :
        PhoneNumberUtil.getInstance()
            .findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
      String raw = m.rawString();
      if (DATE_LIKE.matcher(raw).matches()) continue;
      if (joinedToIdentifier(text, m.start()))
        continue; // "INV-2024-000123", "#2024000123", "SKU:..."
      String before = text.substring(Math.max(0, m.start() - 12), m.start());
      if (ISBN_CONTEXT.matcher(before).find()) continue;
      if (raw.startsWith("978") || raw.startsWith("979")) {
        if (isIsbn13(raw)) continue;
      }
      spans.add(new Span(m.start(), m.end(), Kind.PHONE));
    }
  }

  /**
   * True when the number continues a code: right after a letter or digit, or after "-", "/", "#"
   * joined to one.
   */
  static boolean joinedToIdentifier(String text, int start) {
    if (start == 0) return false;
    char b = text.charAt(start - 1);
    if (Character.isLetterOrDigit(b)) return true;
    return (b == '-' || b == '/' || b == '#' || b == '_')
        && start >= 2
        && Character.isLetterOrDigit(text.charAt(start - 2));
  }

  static boolean isIsbn13(String raw) {
    String d = raw.replaceAll("[^0-9]", "");
    if (d.length() != 13) return false;
    int sum = 0;
    for (int i = 0; i < 13; i++) sum += (d.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
    return sum % 10 == 0;
  }

  /**
   * libphonenumber is the slow part: skip texts without a run of 5+ digits (separators allowed).
   */
  private static boolean hasDigitRun(String text) {
    int digits = 0;
    int gap = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++digits >= 5) return true;
        gap = 0;
      } else if (digits > 0
          && (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/')
          && ++gap <= 2) {
        continue;
      } else {
        digits = 0;
        gap = 0;
      }
    }
    return false;
  }
}
