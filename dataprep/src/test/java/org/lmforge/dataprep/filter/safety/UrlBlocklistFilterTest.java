package org.lmforge.dataprep.filter.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.config.Records;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.TestTexts;

class UrlBlocklistFilterTest {
  @TempDir Path tmp;

  private static Doc at(String url) {
    return new Doc("id", url, "", "text", "en", 1);
  }

  /** No list at all, soft threshold 2: each test names the lists it reads. */
  private static final UrlBlocklistConfig NO_LISTS =
      new UrlBlocklistConfig(
          false, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 2);

  /** A filter of {@link #NO_LISTS} but for the named settings ({@link Records#with}). */
  private static UrlBlocklistFilter filter(Object... namesAndValues) {
    return new UrlBlocklistFilter(Records.with(NO_LISTS, namesAndValues));
  }

  private static List<String> files(Path... paths) {
    return Arrays.stream(paths).map(Path::toString).toList();
  }

  private UrlBlocklistFilter datatrove(int softThreshold) {
    Path d = TestTexts.shared().resolve("url-blocklist");
    return filter(
        "bannedWordFiles",
        files(d.resolve("datatrove-banned_words.txt")),
        "softBannedWordFiles",
        files(d.resolve("datatrove-soft_banned_words.txt")),
        "bannedSubwordFiles",
        files(d.resolve("datatrove-banned_subwords.txt")),
        "softWordThreshold",
        softThreshold);
  }

  @Test
  void datatroveWordListsKeepOrdinaryUrlsAndDropAdultOnes() {
    UrlBlocklistFilter f = datatrove(2);
    for (String ok :
        List.of(
            "https://en.wikipedia.org/wiki/Sussex",
            "https://www.bbc.co.uk/news/uk-politics",
            "https://www.europarl.europa.eu/plenary/en/debates-video.html",
            "https://example.com/blog/essex-trip")) {
      assertNull(f.apply(at(ok)).reason(), ok);
    }
    assertEquals(
        "url_blocklist.banned_word", f.apply(at("https://www.example.com/porn/videos")).reason());
    assertEquals(
        "url_blocklist.banned_subword", f.apply(at("https://freexxxvideos.example.com/")).reason());
  }

  @Test
  void bundledListsAreOnByDefault() {
    UrlBlocklistFilter f = new UrlBlocklistFilter(UrlBlocklistConfig.defaults());
    assertNull(f.apply(at("https://en.wikipedia.org/wiki/Sussex")).reason());
    assertEquals(
        "url_blocklist.banned_word", f.apply(at("https://www.example.com/porn/videos")).reason());
    assertEquals(
        "url_blocklist.banned_subword", f.apply(at("https://freexxxvideos.example.com/")).reason());
  }

  @Test
  void softWordsCountOnceEachHoweverOftenTheUrlRepeatsThem() throws IOException {
    Path soft = Files.writeString(tmp.resolve("soft2.txt"), "sexy\nbikini\n");
    UrlBlocklistFilter two = filter("softBannedWordFiles", files(soft));
    assertNull(two.apply(at("https://shop.example.com/sexy/sexy-dress")).reason());
    assertEquals(
        1.0,
        two.apply(at("https://shop.example.com/sexy/sexy-dress"))
            .scores()
            .get("url_blocklist.soft_word_hits"));
  }

  @Test
  void softWordThresholdBoundary() throws IOException {
    Path soft = Files.writeString(tmp.resolve("soft.txt"), "# soft words\nnude\nsexy\nbikini\n");
    UrlBlocklistFilter two = filter("softBannedWordFiles", files(soft));
    UrlBlocklistFilter three = filter("softBannedWordFiles", files(soft), "softWordThreshold", 3);
    String url = "https://shop.example.com/sexy-bikini-summer";
    assertEquals("url_blocklist.soft_banned_words", two.apply(at(url)).reason());
    assertNull(three.apply(at(url)).reason());
    assertEquals(2.0, three.apply(at(url)).scores().get("url_blocklist.soft_word_hits"));
  }

  @Test
  void domainExactHostAndSubstringRules() throws IOException {
    Path domains =
        Files.writeString(
            tmp.resolve("domains"),
            "casino-example.com\n||tracker.example.net^\n" + "||pjatr.example^$image\n");
    Path hosts = Files.writeString(tmp.resolve("hosts"), "ads.example.org\n");
    Path urls = Files.writeString(tmp.resolve("urls"), "example.edu/~spam/\n");
    UrlBlocklistFilter f =
        filter(
            "domainFiles",
            files(domains),
            "exactHostFiles",
            files(hosts),
            "urlSubstringFiles",
            files(urls));
    assertEquals("url_blocklist.domain", f.apply(at("https://casino-example.com/")).reason());
    assertEquals(
        "url_blocklist.domain", f.apply(at("http://www.Casino-Example.com:8080/play")).reason());
    assertEquals("url_blocklist.domain", f.apply(at("https://a.tracker.example.net/x")).reason());
    assertNull(
        f.apply(at("https://notcasino-example.com/")).reason(), "suffix must be a whole label");
    assertNull(
        f.apply(at("https://pjatr.example/")).reason(),
        "image-only Adblock rule does not block pages");
    assertEquals(
        "url_blocklist.exact_host", f.apply(at("https://ads.example.org/banner")).reason());
    assertNull(
        f.apply(at("https://www.ads.example.org/")).reason(),
        "exact host does not cover subdomains");
    assertEquals(
        "url_blocklist.url_substring",
        f.apply(at("http://www.example.edu/~spam/page.html")).reason());
  }

  @Test
  void easyListDomainRules() {
    Path easylist = TestTexts.shared().resolve("url-blocklist/easylist.txt.gz");
    UrlBlocklistFilter f = filter("domainFiles", files(easylist));
    // the expectations of dolma's tests/python/test_urls.py on the same file
    assertEquals("url_blocklist.domain", f.apply(at("https://berush.com/")).reason());
    assertNull(f.apply(at("https://example.com/")).reason());
    assertNull(f.apply(at("https://pjatr.com/")).reason());
  }

  @Test
  void noFilesOrMissingFileIsAnError() {
    IllegalArgumentException none =
        assertThrows(IllegalArgumentException.class, () -> new UrlBlocklistFilter(NO_LISTS));
    assertTrue(none.getMessage().contains("bundledWordLists = true"), none.getMessage());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> filter("domainFiles", List.of("/no/such/list.txt")));
    assertTrue(
        e.getMessage().contains("/no/such/list.txt") && e.getMessage().contains("domainFiles"));
  }
}
