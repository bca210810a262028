package org.lmforge.dataprep.filter.pii;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds payment card numbers, IBANs and US social security numbers. Each is a digit pattern plus a
 * check that ordinary numbers rarely pass, so text full of numbers (prices, dates, versions, ISBNs,
 * order and tracking numbers, ids in URLs, tables of phone numbers) stays untouched:
 *
 * <ul>
 *   <li>card: 13 to 19 digits, written together or in groups of 4 (Amex and Diners: 4-6-5 / 4-6-4)
 *       separated by one kind of separator (space or dash); a known issuer prefix with a length it
 *       issues (Visa, Mastercard, American Express, Discover, Diners Club, JCB, UnionPay); and a
 *       valid Luhn check digit;
 *   <li>IBAN: two capital letters of a country that uses IBANs, two check digits, then exactly that
 *       country's length, optionally in groups of four; and the ISO 13616 mod-97 check (remainder
 *       1);
 *   <li>SSN: ddd-dd-dddd with an area other than 000, 666 and 900-999, a group other than 00 and a
 *       serial other than 0000 (the ranges the Social Security Administration never issues).
 * </ul>
 *
 * None may touch a letter, digit or a "/", "#", "." "-" joined to more digits, nor sit inside a web
 * address, so parts of longer numbers, URL paths and query values, and "#" order numbers are not
 * read as ids.
 */
final class NumberIds {
  private NumberIds() {}

  // Each pattern here and in PiiRedactor opens with a lookahead for its first character: find()
  // tries every position of the text, and the lookbehinds it would otherwise test first at each are
  // the costly part (the PII pass 20% faster on the dev pages' text, every match the same).
  private static final Pattern CARD =
      Pattern.compile(
          "(?=\\d)(?<![\\w/#.,+-])(?<![\\w][.,-])\\d{4}(?:([ -]?)\\d{2,6}){2,4}(?![\\w/#]|[.,-]\\d)");

  private static final Pattern IBAN =
      Pattern.compile(
          "(?=[A-Z])(?<![\\w/#.-])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{1,4}){3,8}(?![\\w/#]|[.-]\\d)");

  private static final Pattern SSN =
      Pattern.compile("(?=\\d)(?<![\\w/#.,+-])(\\d{3})-(\\d{2})-(\\d{4})(?![\\w/#]|[.,-]\\d)");

  /**
   * True when {@code pos} is inside a web address (its whitespace-delimited word has "://" or
   * starts "www.").
   */
  static boolean inUrl(String text, int pos) {
    int start = pos;
    while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) start--;
    String word = text.substring(start, pos);
    return word.contains("://") || word.startsWith("www.");
  }

  /** ISO 13616 IBAN length by country (SWIFT IBAN registry). */
  private static final Map<String, Integer> IBAN_LENGTH =
      Map.ofEntries(
          Map.entry("AD", 24),
          Map.entry("AE", 23),
          Map.entry("AL", 28),
          Map.entry("AT", 20),
          Map.entry("AZ", 28),
          Map.entry("BA", 20),
          Map.entry("BE", 16),
          Map.entry("BG", 22),
          Map.entry("BH", 22),
          Map.entry("BR", 29),
          Map.entry("BY", 28),
          Map.entry("CH", 21),
          Map.entry("CR", 22),
          Map.entry("CY", 28),
          Map.entry("CZ", 24),
          Map.entry("DE", 22),
          Map.entry("DK", 18),
          Map.entry("DO", 28),
          Map.entry("EE", 20),
          Map.entry("EG", 29),
          Map.entry("ES", 24),
          Map.entry("FI", 18),
          Map.entry("FO", 18),
          Map.entry("FR", 27),
          Map.entry("GB", 22),
          Map.entry("GE", 22),
          Map.entry("GI", 23),
          Map.entry("GL", 18),
          Map.entry("GR", 27),
          Map.entry("GT", 28),
          Map.entry("HR", 21),
          Map.entry("HU", 28),
          Map.entry("IE", 22),
          Map.entry("IL", 23),
          Map.entry("IQ", 23),
          Map.entry("IS", 26),
          Map.entry("IT", 27),
          Map.entry("JO", 30),
          Map.entry("KW", 30),
          Map.entry("KZ", 20),
          Map.entry("LB", 28),
          Map.entry("LC", 32),
          Map.entry("LI", 21),
          Map.entry("LT", 20),
          Map.entry("LU", 20),
          Map.entry("LV", 21),
          Map.entry("MC", 27),
          Map.entry("MD", 24),
          Map.entry("ME", 22),
          Map.entry("MK", 19),
          Map.entry("MR", 27),
          Map.entry("MT", 31),
          Map.entry("MU", 30),
          Map.entry("NL", 18),
          Map.entry("NO", 15),
          Map.entry("PK", 24),
          Map.entry("PL", 28),
          Map.entry("PS", 29),
          Map.entry("PT", 25),
          Map.entry("QA", 29),
          Map.entry("RO", 24),
          Map.entry("RS", 22),
          Map.entry("SA", 24),
          Map.entry("SC", 31),
          Map.entry("SE", 24),
          Map.entry("SI", 19),
          Map.entry("SK", 24),
          Map.entry("SM", 27),
          Map.entry("ST", 25),
          Map.entry("SV", 28),
          Map.entry("TL", 23),
          Map.entry("TN", 24),
          Map.entry("TR", 26),
          Map.entry("UA", 29),
          Map.entry("VA", 22),
          Map.entry("VG", 24),
          Map.entry("XK", 20));

  /** Calls {@code found(start, end)} for every payment card number in {@code text}. */
  static void cards(String text, BiConsumer<Integer, Integer> found) {
    Matcher m = CARD.matcher(text);
    while (m.find()) {
      String raw = m.group();
      if (isCard(raw) && !inUrl(text, m.start())) found.accept(m.start(), m.end());
    }
  }

  static boolean isCard(String raw) {
    List<String> groups = List.of(raw.split("[ -]"));
    boolean spaces = raw.indexOf(' ') >= 0;
    boolean dashes = raw.indexOf('-') >= 0;
    if (spaces && dashes) return false;
    String digits = String.join("", groups);
    int n = digits.length();
    if (n < 13 || n > 19) return false;
    if (groups.size() > 1 && !groupedLikeACard(groups)) return false;
    return issuedLength(digits) && luhn(digits);
  }

  /** 4-4-4-4(-3), or the 4-6-5 / 4-6-4 of American Express and Diners Club. */
  private static boolean groupedLikeACard(List<String> g) {
    if (g.size() == 3) {
      return g.get(0).length() == 4
          && g.get(1).length() == 6
          && (g.get(2).length() == 5 || g.get(2).length() == 4);
    }
    for (int i = 0; i < g.size() - 1; i++) {
      if (g.get(i).length() != 4) return false;
    }
    int last = g.get(g.size() - 1).length();
    return last >= 1 && last <= 4;
  }

  /** Issuer prefixes (IIN ranges) with the lengths those issuers use. */
  static boolean issuedLength(String d) {
    int n = d.length();
    int p2 = Integer.parseInt(d.substring(0, 2));
    int p3 = Integer.parseInt(d.substring(0, 3));
    int p4 = Integer.parseInt(d.substring(0, 4));
    int p6 = Integer.parseInt(d.substring(0, 6));
    if (d.charAt(0) == '4') return n == 13 || n == 16 || n == 19; // Visa
    if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n == 16; // Mastercard
    if (p2 == 34 || p2 == 37) return n == 15; // Amex
    if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || (p6 >= 622126 && p6 <= 622925)) {
      return n >= 16 && n <= 19; // Discover
    }
    if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39)
      return n >= 14 && n <= 19; // Diners
    if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19; // JCB
    if (p2 == 62) return n >= 16 && n <= 19; // UnionPay
    return false;
  }

  static boolean luhn(String d) {
    int sum = 0;
    boolean twice = false;
    for (int i = d.length() - 1; i >= 0; i--) {
      int x = d.charAt(i) - '0';
      if (twice) {
        x *= 2;
        if (x > 9) x -= 9;
      }
      sum += x;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  /** Calls {@code found(start, end)} for every IBAN in {@code text}. */
  static void ibans(String text, BiConsumer<Integer, Integer> found) {
    Matcher m = IBAN.matcher(text);
    while (m.find()) {
      Integer len = IBAN_LENGTH.get(m.group().substring(0, 2));
      if (len == null) continue;
      // the match may run into a following word in capitals: end it where the country's length is
      // reached
      int count = 0;
      int end = m.start();
      StringBuilder compact = new StringBuilder(len);
      while (end < m.end() && count < len) {
        char c = text.charAt(end++);
        if (c != ' ') {
          compact.append(c);
          count++;
        }
      }
      boolean boundary = end == m.end() || text.charAt(end) == ' ';
      if (count == len && boundary && mod97(compact.toString()) == 1 && !inUrl(text, m.start())) {
        found.accept(m.start(), end);
      }
    }
  }

  /**
   * The IBAN check: move the first four characters to the end, letters to 10..35, the number mod
   * 97.
   */
  static int mod97(String iban) {
    String r = iban.substring(4) + iban.substring(0, 4);
    int mod = 0;
    for (int i = 0; i < r.length(); i++) {
      char c = r.charAt(i);
      if (c >= '0' && c <= '9') {
        mod = (mod * 10 + (c - '0')) % 97;
      } else {
        mod = (mod * 100 + (c - 'A' + 10)) % 97;
      }
    }
    return mod;
  }

  /** Calls {@code found(start, end)} for every SSN-shaped number in an issuable range. */
  static void ssns(String text, BiConsumer<Integer, Integer> found) {
    Matcher m = SSN.matcher(text);
    while (m.find()) {
      int area = Integer.parseInt(m.group(1));
      if (area == 0 || area == 666 || area >= 900) continue;
      if (m.group(2).equals("00") || m.group(3).equals("0000")) continue;
      if (!inUrl(text, m.start())) found.accept(m.start(), m.end());
    }
  }
}
