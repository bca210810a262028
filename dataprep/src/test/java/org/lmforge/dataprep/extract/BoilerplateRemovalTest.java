package org.lmforge.dataprep.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Boilerplate on real dev pages is removed, main text with its paragraph breaks and the title is
 * kept.
 */
class BoilerplateRemovalTest {
  private static java.util.Map<String, DevSet.Page> pages;
  private final MainTextExtractor extractor = new MainTextExtractor();

  @BeforeAll
  static void load() throws Exception {
    assumeTrue(DevSet.available(), "extraction dev set not found under " + DevSet.dir());
    pages = new java.util.HashMap<>();
    for (DevSet.Page p : DevSet.load()) pages.put(p.file(), p);
  }

  private Extraction extract(String file) {
    DevSet.Page p = pages.get(file);
    return extractor.extract(p.readHtml(), p.url());
  }

  @Test
  void cookieBannerIsDropped() {
    Extraction e = extract("viehbacher.com.steuerrecht.html");
    assertFalse(e.text().contains("Was sind Cookies?"), "cookie banner leaked");
    assertTrue(e.text().contains("wirtschaftlich orientierte Privatpersonen"));
    assertEquals("Internationale Steuerberatung | Kanzlei Viehbacher", e.title());
  }

  @Test
  void navigationIsDropped() {
    Extraction e = extract("rs-ingenieure.de.tragwerksplanung.html");
    assertFalse(e.text().contains("Brückenbau"), "navigation menu leaked");
    assertTrue(e.text().contains("Wir bearbeiten alle Leistungsbilder"));
  }

  @Test
  void footerAndSidebarAreDroppedAndParagraphsKeptApart() {
    Extraction e = extract("womencantalksports.com.top10.html");
    assertFalse(e.text().contains("All Rights Reserved"), "footer leaked");
    assertFalse(e.text().contains("Football 101 Seminars"), "sidebar leaked");
    String[] lines = e.text().split("\n");
    // the numbered list of ten women is ten headings with a paragraph each, not one run-on line
    assertTrue(lines.length >= 20, "expected one line per block, got " + lines.length);
    assertTrue(
        Arrays.asList(lines).contains("My Top 10 Women Talking Sports"),
        "heading should be its own line");
    assertEquals("Top 10 Women Talking Sports | Women Can Talk Sports", e.title());
  }

  @Test
  void commentSectionIsDropped() {
    Extraction e = extract("jovelstefan.de.gefallt.html");
    assertFalse(e.text().contains("Pingback von"), "comments leaked");
    assertFalse(e.text().contains("Kommentare geschlossen"), "comment form leaked");
    assertTrue(
        e.text().lines().anyMatch(l -> l.startsWith("Manchmal überrascht einen")),
        "the first paragraph should start a line:\n" + e.text());
    assertTrue(e.text().contains("kein Meisterwerk war!"));
    assertEquals("Gefällt mir – jovelblog", e.title());
  }
}
