package org.lmforge.dataprep.filter.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.DocFilter;
import org.lmforge.dataprep.filter.Filters;
import org.lmforge.dataprep.filter.FiltersConfig;
import org.lmforge.dataprep.filter.Verdict;

/**
 * Each quality family, run alone with its defaults, against the decisions of the reference
 * (datatrove's filter rules with the spaCy English tokenizer they use) on {@code
 * filter/reference-decisions.jsonl}: 341 documents of English text. They are datatrove's unit-test
 * texts (also scaled up past the default word minimum), documents swept across every default
 * threshold (both sides, and exactly at it where the arithmetic allows), hyphenated words,
 * case-sensitive stop words, trailing spaces and quotes at line ends, real Europarl debates and
 * real web pages (extraction-dev snippets). The labels were made once, outside this project, by
 * running those rules in Python with spaCy 3.8 ({@code spacy.blank("en")} + sentencizer); for C4
 * the kept text is compared too.
 */
class ReferenceAgreementTest {

  private record Case(String family, String name, String text, String reason, String c4Text) {}

  private static List<Case> cases() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Case> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                ReferenceAgreementTest.class.getResourceAsStream(
                    "/filter/reference-decisions.jsonl"),
                StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        JsonNode n = json.readTree(line);
        out.add(
            new Case(
                n.get("family").asText(),
                n.get("name").asText(),
                n.get("text").asText(),
                n.get("reason").isNull() ? null : n.get("reason").asText(),
                n.get("c4_text").isNull() ? null : n.get("c4_text").asText()));
      }
    }
    return out;
  }

  @Test
  void everyFamilyDecidesAsTheReference() throws IOException {
    FiltersConfig cfg = FiltersConfig.defaults();
    Map<String, int[]> byFamily = new TreeMap<>();
    List<String> disagreements = new ArrayList<>();
    for (Case c : cases()) {
      DocFilter f = Filters.create(c.family(), cfg);
      Verdict v =
          f.apply(new Doc("id", "https://example.org/" + c.name(), "", c.text(), "en", 1.0));
      boolean same = java.util.Objects.equals(v.reason(), c.reason());
      if (same && c.family().equals("c4") && c.reason() == null)
        same = v.doc().text().equals(c.c4Text());
      int[] agree = byFamily.computeIfAbsent(c.family(), k -> new int[2]);
      agree[1]++;
      if (same) {
        agree[0]++;
      } else {
        disagreements.add(
            c.family() + " " + c.name() + ": reference " + c.reason() + ", ours " + v.reason());
      }
    }
    byFamily.forEach(
        (k, a) -> System.out.printf("%s agrees with the reference on %d / %d%n", k, a[0], a[1]));
    disagreements.forEach(System.out::println);
    assertEquals(4, byFamily.size());
    for (int[] a : byFamily.values()) assertTrue(a[1] >= 60, "enough cases per family");
    assertEquals(List.of(), disagreements);
  }
}
