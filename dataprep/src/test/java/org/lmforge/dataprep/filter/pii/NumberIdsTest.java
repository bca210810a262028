package org.lmforge.dataprep.filter.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmforge.dataprep.filter.TestTexts;
import org.lmforge.dataprep.sample.EuroparlCorpus;

/**
 * Card numbers, IBANs and SSNs planted in real article text are redacted; text full of numbers that
 * are not ids stays byte-identical. The planted values are the issuers' published test numbers and
 * IBAN examples.
 */
class NumberIdsTest {
  private final PiiRedactor r = new PiiRedactor(PiiConfig.defaults());

  private static final PiiConfig ONLY_NEW =
      new PiiConfig(
          false,
          false,
          false,
          true,
          true,
          true,
          "<EMAIL>",
          "<IP_ADDRESS>",
          "<PHONE>",
          "<CARD_NUMBER>",
          "<IBAN>",
          "<SSN>",
          false,
          List.of());

  private void unchanged(String text) {
    PiiRedactor.Result res = r.redact(text, "en");
    assertEquals(text, res.text(), "false positive: " + res.counts());
  }

  @Test
  void checksByHand() {
    assertTrue(NumberIds.luhn("4111111111111111"));
    assertFalse(NumberIds.luhn("4111111111111112"));
    assertTrue(NumberIds.luhn("378282246310005"));
    assertEquals(1, NumberIds.mod97("DE89370400440532013000"));
    assertEquals(1, NumberIds.mod97("GB29NWBK60161331926819"));
    assertTrue(NumberIds.mod97("DE88370400440532013000") != 1);
  }

  @Test
  void plantedInRealArticleTextTheyAreRedactedAndCounted() {
    String article = TestTexts.europarlEnglish(1).get(0);
    String planted =
        article
            + "\nPay with card 4111 1111 1111 1111 or 5555-5555-5555-4444, Amex 3782 822463 10005,"
            + " Discover 6011111111111117, JCB 3530111333300000, Diners 3056 9309 0259 04, UnionPay 6200000000000005."
            + "\nTransfer to DE89 3704 0044 0532 0130 00, GB29 NWBK 6016 1331 9268 19 or NL91ABNA0417164300 (FR14 2004"
            + " 1010 0505 0001 3M02 606).\nHis SSN was 123-45-6789 and hers 078-05-1120.";
    PiiRedactor.Result res = r.redact(planted, "en");
    assertEquals(
        article
            + "\nPay with card <CARD_NUMBER> or <CARD_NUMBER>, Amex <CARD_NUMBER>,"
            + " Discover <CARD_NUMBER>, JCB <CARD_NUMBER>, Diners <CARD_NUMBER>, UnionPay <CARD_NUMBER>."
            + "\nTransfer to <IBAN>, <IBAN> or <IBAN> (<IBAN>).\nHis SSN was <SSN> and hers <SSN>.",
        res.text());
    assertEquals(Map.of("pii.card", 7, "pii.iban", 4, "pii.ssn", 2), res.counts());
  }

  @Test
  void almostIdsAreNotRedacted() {
    unchanged(
        "Luhn fails: 4111 1111 1111 1112. No issuer: 9111 1111 1111 1117. Visa has no 15-digit cards: "
            + "411111111111116. Odd groups: 41111 11111 111111 and 4111-1111 1111-1111.");
    unchanged(
        "Wrong check digits: DE88 3704 0044 0532 0130 00. Wrong length: DE89 3704 0044 0532 0130 0."
            + " Unknown country: ZZ89 3704 0044 0532 0130 00.");
    unchanged("Never issued: 000-12-3456, 666-12-3456, 912-34-5678, 123-00-4567, 123-45-0000.");
  }

  @Test
  void numbersThatAreNotIdsStayByteIdentical() {
    unchanged(
        "Upgrade to 10.0.19041.1151 or 4.19.0-26-amd64; the 2024.1.3 release replaces 3.11.7.");
    unchanged("The meeting is on 2024-03-15 at 14:30 (15/03/2024, 03-15-2024, 15.03.2024).");
    unchanged(
        "Prices: $1,299.99, €4.111,11, £1 111 111 111 111 and ¥4,111,111,111,111,111 a year.");
    unchanged("ISBN 978-0-306-40615-7, ISBN-13 9780306406157, ISSN 0317-8471, DOI 10.1000/182.");
    unchanged(
        "Order #4111111111111111 shipped; order no. 1234567890123 and invoice INV-2024-000123.");
    unchanged(
        "Tracking: 1Z999AA10123456784 (UPS), 9400 1000 0000 0000 0000 00 (USPS), 7489 2134 5678 (FedEx).");
    unchanged("Logged at 1700000000 (epoch) and 1700000000123 ms, i.e. 2023-11-14T22:13:20.123Z.");
    unchanged(
        "See https://example.com/item/4111111111111111 and https://shop.example/p?id=5555555555554444&x=1.");
    unchanged(
        "| Year | Population | Area |\n| 2019 | 3,669,491 | 891.8 km² |\n| 2020 | 3 664 088 | 891.1 |\n"
            + "| code | 4005-2391-77 | 123-456-7890-12 |");
    unchanged("Part 555-12-34567 and serial 123-45-67890; ranges 100-200-300 and 12-34-5678.");
  }

  @Test
  void theWholeEuroparlCorpusHasNoCardIbanOrSsn() {
    PiiRedactor only = new PiiRedactor(ONLY_NEW);
    int[] found = new int[1];
    int[] docs = new int[1];
    EuroparlCorpus.stream()
        .forEach(
            d -> {
              docs[0]++;
              String body = d.body();
              PiiRedactor.Result res = only.redact(body, "en");
              if (!res.text().equals(body)) found[0]++;
            });
    assertEquals(EuroparlCorpus.SIZE, docs[0]);
    assertEquals(0, found[0], "debates changed by card / IBAN / SSN redaction");
  }
}
