package org.lmforge.dataprep.filter.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lmforge.dataprep.filter.TestTexts;
import org.lmforge.dataprep.filter.Verdict;

class PiiRedactorTest {
  private final PiiRedactor r = new PiiRedactor(PiiConfig.defaults());

  private void unchanged(String text, String lang) {
    PiiRedactor.Result res = r.redact(text, lang);
    assertEquals(text, res.text(), "false positive: " + res.counts());
  }

  @Test
  void redactsEmails() {
    PiiRedactor.Result res =
        r.redact("Contact jane.doe+press@example-news.co.uk or info@europarl.europa.eu.", "en");
    assertEquals("Contact <EMAIL> or <EMAIL>.", res.text());
    assertEquals(Map.of("pii.email", 2), res.counts());
    unchanged(
        "Download logo@2x.png and icon@3x.webp for retina screens; follow @europarl on social media.",
        "en");
  }

  @Test
  void redactsGlobalIpAddressesOnly() {
    assertEquals(
        "Server <IP_ADDRESS> answered, then <IP_ADDRESS> did.",
        r.redact("Server 8.8.4.4 answered, then 2a00:1450:4001:82b::200e did.", "en").text());
    unchanged(
        "Set the router to 192.168.1.1 with netmask 255.255.255.0; ping 127.0.0.1 or ::1.", "en");
    unchanged("See RFC 5737: 203.0.113.7 and 2001:db8::1 are documentation addresses.", "en");
  }

  /**
   * The one-pass checks that let most texts skip the address patterns are necessary conditions:
   * wherever a pattern finds something, its check lets the text through. Random strings over the
   * characters addresses are made of reach the patterns' edges (hex groups of 0 to 4 digits, octets
   * of 1 to 3, runs of colons and dots); real text shows what the checks save.
   */
  @Test
  void addressChecksNeverSkipATextThePatternsWouldMatch() {
    SplittableRandom rnd = new SplittableRandom(7);
    int v4 = 0, v6 = 0;
    for (int n = 0; n < 300_000; n++) {
      String t = randomString(rnd, "0123456789..:x -"); // octets, dots, neighbours
      if (PiiRedactor.IPV4_RE.matcher(t).find()) {
        v4++;
        assertTrue(PiiRedactor.mayHoldIpv4(t), "IPv4 check skips " + t);
      }
      String u = randomString(rnd, "0123456789abcdefABCDEFxyz:.:. -"); // hex groups, colons
      if (PiiRedactor.IPV6_RE.matcher(u).find()) {
        v6++;
        assertTrue(PiiRedactor.mayHoldIpv6(u), "IPv6 check skips " + u);
      }
    }
    assertTrue(v4 > 200 && v6 > 1000, "the random strings reach both patterns: " + v4 + ", " + v6);
    for (String t :
        new String[] {
          "8.8.4.4", "x 1.22.333.4 y", "::", "::1", "fe80::1", "2a00:1450:4001:82b::200e"
        }) {
      assertTrue(PiiRedactor.mayHoldIpv4(t) || PiiRedactor.mayHoldIpv6(t), t);
    }
    assertFalse(PiiRedactor.mayHoldIpv4("Version 3.5 costs 1.000 euros. 12.5."));
    assertFalse(PiiRedactor.mayHoldIpv6("Note: the time was 12:30, ratio 3:1."));
    int skipped = 0, docs = 0;
    for (String t : TestTexts.europarl(3000)) {
      docs++;
      if (!PiiRedactor.mayHoldIpv4(t) && !PiiRedactor.mayHoldIpv6(t)) skipped++;
      if (PiiRedactor.IPV4_RE.matcher(t).find()) assertTrue(PiiRedactor.mayHoldIpv4(t));
      if (PiiRedactor.IPV6_RE.matcher(t).find()) assertTrue(PiiRedactor.mayHoldIpv6(t));
    }
    assertTrue(skipped > docs / 2, skipped + " of " + docs + " Europarl documents skip both");
  }

  private static String randomString(SplittableRandom rnd, String alphabet) {
    char[] c = new char[1 + rnd.nextInt(24)];
    for (int i = 0; i < c.length; i++) c[i] = alphabet.charAt(rnd.nextInt(alphabet.length()));
    return new String(c);
  }

  @Test
  void versionNumbersAreNotIpAddresses() {
    unchanged("Upgrade to version 1.2.3.4 before Friday.", "en");
    unchanged(
        "Firmware v2.10.4.1 fixes the Wi-Fi bug, and release 10.0.19041.1 is the May update.",
        "en");
    unchanged(
        "The app (build 4.1.2.7) needs Android 8.1.0 or later; see section 3.2.1.4.5 too.", "en");
    unchanged("std::vector<int> v; meeting at 12:30:45 and the a::b::c path", "en");
  }

  @Test
  void redactsPhoneNumbersInternationalAndNational() {
    PiiRedactor.Result res =
        r.redact("Call +44 20 7946 0958 or our US line (415) 555-2671 today.", "en");
    assertEquals("Call <PHONE> or our US line <PHONE> today.", res.text());
    assertEquals(2, res.counts().get("pii.phone"));
    assertEquals(
        "Rufen Sie uns an: <PHONE>.", r.redact("Rufen Sie uns an: 030 12345678.", "de").text());
    assertEquals(
        "Appelez le <PHONE> !", r.redact("Appelez le +33 1 42 68 53 00 !", "unknown").text());
  }

  @Test
  void datesPricesIsbnsAndCountsAreNotPhoneNumbers() {
    unchanged("The summit ran from 2021-03-04 to 04/03/2021 and again on 12.05.2022.", "en");
    unchanged(
        "The laptop costs $1,299.99 (was €1.499,00); revenue reached 4,250,000,000 dollars.", "en");
    unchanged("ISBN 978-3-16-148410-0 and ISBN-10: 0-306-40615-2; see also 9780306406157.", "en");
    unchanged("Population: 8,336,817 people in 2019; the marathon record is 2:01:09.", "en");
  }

  @Test
  void filterCountsPerKindAndKeepsCleanRealText() {
    PiiFilter f = new PiiFilter(PiiConfig.defaults());
    for (String t : TestTexts.europarlEnglish(30)) {
      Verdict v = f.apply(TestTexts.doc(t, "en"));
      // debates quote dates, amounts, directive numbers (2000/43/EC): none of it is PII
      assertEquals(t, v.doc().text(), "false positive: " + v.edits());
    }
    Verdict v = f.apply(TestTexts.doc("Mail a@b.org, b@c.org or call +1 415 555 2671.", "en"));
    assertEquals(Map.of("pii.email", 2, "pii.phone", 1), v.edits());
    assertEquals("a@b.org".length() * 2 + "+1 415 555 2671".length(), v.charsRemoved());
  }
}
