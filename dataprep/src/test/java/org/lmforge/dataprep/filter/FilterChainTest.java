package org.lmforge.dataprep.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lmforge.config.Records;

class FilterChainTest {

  @Test
  void runsInOrderRecordsEditsScoresAndTheDroppingFilter() {
    FilterChain chain = Filters.chain(FiltersConfig.defaults());
    assertEquals(
        List.of(
            "url_blocklist",
            "opt_out",
            "lexical_safety",
            "gopher_repetition",
            "gopher_quality",
            "c4",
            "fineweb",
            "pii"),
        chain.filters().stream().map(DocFilter::name).toList(),
        "the default chain");
    String prose = TestTexts.europarlEnglish(1).get(0);
    FilterChain.Result kept =
        chain.apply(TestTexts.doc(prose + "\nWrite to press@europarl.example.eu.", "en"));
    assertTrue(kept.kept(), kept.reason());
    assertEquals(1, kept.edits().size());
    assertEquals("pii", kept.edits().get(0).filter());
    assertEquals(1, kept.edits().get(0).items().get("pii.email"));
    assertTrue(kept.doc().text().endsWith("Write to <EMAIL>."));
    assertNotNull(kept.scores().get("lexical_safety.bad_word_ratio"));
    FilterChain.Result badUrl =
        chain.apply(
            new org.lmforge.dataprep.doc.Doc(
                "x", "https://example.com/porn/1", "", prose, "en", 1.0));
    assertEquals(
        "url_blocklist.banned_word", badUrl.reason(), "the bundled URL lists are on by default");

    String first30 =
        String.join(" ", List.of(prose.replace('\n', ' ').split(" ")).subList(0, 30)) + ".";
    FilterChain.Result short1 = chain.apply(TestTexts.doc(first30, "en"));
    assertEquals("gopher_quality", short1.droppedBy());
    assertEquals("gopher_quality.too_few_words", short1.reason());

    FilterChain.Result optedOut = chain.apply(TestTexts.doc(prose, "en"), "noai");
    assertEquals("opt_out.robots_directive", optedOut.reason());
  }

  @Test
  void rawCrawlPagesGetAMixOfVerdictsAndChineseIsNotDroppedForWordCount() {
    FilterChain chain = Filters.chain(FiltersConfig.defaults());
    int kept = 0;
    Set<String> reasons = new TreeSet<>();
    for (String html : TestTexts.devHtml(60)) {
      FilterChain.Result r = chain.apply(TestTexts.doc(TestTexts.blockText(html), "en"));
      if (r.kept()) kept++;
      else reasons.add(r.reason());
    }
    assertTrue(kept < 60 && reasons.size() >= 2, kept + " kept, reasons " + reasons);
    String zh =
        "北京是中华人民共和国的首都，也是全国的政治、文化和国际交往中心。\n北京有三千多年的建城史和八百多年的建都史。\n"
            + "市内有故宫、天坛、颐和园等世界文化遗产，每年吸引大量国内外游客。\n北京的高等院校众多，包括北京大学和清华大学。\n"
            + "北京的交通十分便利，地铁网络覆盖全市。";
    FilterChain.Result r = chain.apply(TestTexts.doc(zh, "zh"));
    assertNull(r.reason());
  }

  @Test
  void unknownNamesAndBadValuesFailFastNamingTheKey() {
    FiltersConfig d = FiltersConfig.defaults();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Filters.chain(d.withEnabled(List.of("gopher_quality", "gopher_qualty"))));
    assertTrue(
        e.getMessage().contains("gopher_qualty")
            && e.getMessage().contains("clean.filters.enabled"));
    FiltersConfig bad =
        Records.with(d, "gopherQuality", Records.with(d.gopherQuality(), "maxBulletLineFrac", 1.5));
    e = assertThrows(IllegalArgumentException.class, () -> Filters.validate(bad));
    assertTrue(e.getMessage().contains("filters.gopherQuality.maxBulletLineFrac"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Filters.chain(d.withEnabled(List.of("badwords")))); // the old name
    assertTrue(e.getMessage().contains("lexical_safety"), e.getMessage());
    // a phone region not written language=REGION
    FiltersConfig badRegion =
        Records.with(
            d.withEnabled(List.of("pii")),
            "pii",
            Records.with(d.pii(), "phoneRegions", List.of("en-US")));
    assertThrows(IllegalArgumentException.class, () -> Filters.chain(badRegion));
  }

  @Test
  void chainIsSerializable() throws IOException {
    FilterChain chain = Filters.chain(FiltersConfig.defaults());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(chain);
    }
    assertTrue(bytes.size() > 0);
  }

  /** conf/filters.conf has a key for every record component, and no key that is not one. */
  @Test
  void confFileMirrorsTheRecords() throws IOException {
    Path conf = Path.of(System.getProperty("project.root", "..")).resolve("conf/filters.conf");
    String text = Files.readString(conf);
    List<String> keys = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^\\s*([A-Za-z0-9]+)\\s*[={]").matcher(text);
    while (m.find()) keys.add(m.group(1));
    Set<String> expected = new TreeSet<>();
    expected.add("filters");
    for (var c : FiltersConfig.class.getRecordComponents()) {
      expected.add(c.getName());
      if (c.getType().isRecord()) {
        for (var cc : c.getType().getRecordComponents()) expected.add(cc.getName());
      }
    }
    assertEquals(expected, new TreeSet<>(keys));
  }
}
