package org.lmforge.dataprep.warc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.dataprep.SharedData;

/** The reader on the real crawl files in ../shared/data/crawl-samples, malformed ones included. */
class CrawlFileReaderTest {
  private static final Path SAMPLES = SharedData.path("crawl-samples");

  private static Map<String, Integer> counts(Path file) {
    Map<String, Integer> counts = new TreeMap<>();
    for (CrawlItem it : CrawlFileReader.readAll(CrawlSource.of(file), 8 << 20)) {
      counts.merge(it.kind() + (it.reason() == null ? "" : ":" + it.reason()), 1, Integer::sum);
    }
    return counts;
  }

  private static Path sample(String name) {
    Assumptions.assumeTrue(Files.isDirectory(SAMPLES), "crawl-samples not present");
    return SAMPLES.resolve(name);
  }

  @Test
  void commonCrawlWarcPlainAndGzipGiveTheSameRecords() {
    Map<String, Integer> plain = counts(sample("commoncrawl/CC-MAIN-2020-34-sample.warc"));
    assertEquals(plain, counts(sample("commoncrawl/CC-MAIN-2020-34-sample.warc.gz")));
    assertEquals(16, plain.get("PAGE"));
    assertEquals(
        34, plain.get("SKIPPED:warc.not_a_capture")); // 1 warcinfo, 16 requests, 17 metadata
  }

  @Test
  void wetConversionIsAPlainTextPage() {
    List<CrawlItem> items =
        CrawlFileReader.readAll(
            CrawlSource.of(sample("commoncrawl/whirlwind.warc.wet.gz")), 1 << 20);
    CrawlRecord page =
        items.stream()
            .filter(i -> i.kind() == CrawlItem.Kind.PAGE)
            .findFirst()
            .orElseThrow()
            .record();
    assertTrue(page.isPlainText());
    assertEquals("https://an.wikipedia.org/wiki/Escopete", page.url());
    assertTrue(
        new String(page.body(), java.nio.charset.StandardCharsets.UTF_8).contains("Escopete"));
  }

  @Test
  void malformedFilesAreReportedAndTheGoodRecordsAroundThemKept() {
    assertEquals(
        Map.of("MALFORMED:warc.truncated", 1), counts(sample("malformed/clipped.warc.gz")));
    assertEquals(
        Map.of("MALFORMED:file.not_warc", 1),
        counts(sample("malformed/double-single-inflate-error.gz")));
    Map<String, Integer> trunc = counts(sample("malformed/example-trunc.warc"));
    assertEquals(1, trunc.get("MALFORMED:warc.parse_error"));
    assertEquals(1, trunc.get("PAGE"));
    assertEquals(
        2,
        trunc.get("SKIPPED:warc.not_a_capture"),
        "the request record after the junk is recovered");
  }

  /**
   * ARC, the Internet Archive's format before WARC, read through jwarc (it was quarantined as "not
   * a WARC file"): HTTP captures are pages, DNS and image records skipped, a record jwarc cannot
   * parse quarantined.
   */
  @Test
  void arcFilesAreRead() {
    Map<String, Integer> plain = counts(sample("arc/example.arc"));
    assertEquals(Map.of("PAGE", 1, "SKIPPED:warc.not_a_capture", 1), plain);
    assertEquals(plain, counts(sample("arc/example.arc.gz")));
    List<CrawlItem> items =
        CrawlFileReader.readAll(CrawlSource.of(sample("arc/example.arc.gz")), 1 << 20);
    CrawlRecord page = items.get(1).record();
    assertEquals("http://example.com/", page.url());
    assertEquals(java.time.Instant.parse("2014-02-16T05:02:21Z"), page.date());
    assertTrue(
        new String(page.body(), java.nio.charset.StandardCharsets.UTF_8)
            .contains("<title>Example Domain</title>"));

    Map<String, Integer> archive =
        counts(sample("arc/IAH-20080430204825-00000-blackbook-truncated.arc"));
    assertEquals(2, archive.get("PAGE"), archive.toString()); // www.archive.org/ and index.php
    assertEquals(6, archive.get("SKIPPED:http.not_html"), archive.toString()); // dns:, images, xml
    assertEquals(Map.of("MALFORMED:warc.parse_error", 1), counts(sample("arc/bad.arc")));
  }

  @Test
  void quirksOfRealCrawlersAreRead() {
    // ClueWeb09: WARC/0.18, non-ISO dates, "Content-Encoding: gzip" over plain bytes
    assertEquals(
        Map.of("PAGE", 29, "SKIPPED:warc.not_a_capture", 1),
        counts(sample("other-real/clueweb-quirk.warc.gz")));
    // wget: <...> around WARC-Target-URI
    CrawlFileReader.readAll(
            CrawlSource.of(sample("edge-cases/example-wget-bad-target-uri.warc.gz")), 1 << 20)
        .stream()
        .filter(i -> i.kind() == CrawlItem.Kind.PAGE)
        .forEach(
            i ->
                assertTrue(
                    i.record().url().startsWith("http") && !i.record().url().contains(">"),
                    i.record().url()));
    // records without WARC-Record-ID get a stable id from file and offset
    List<CrawlItem> noIds =
        CrawlFileReader.readAll(
            CrawlSource.of(sample("other-real/html-lang-attribute.warc")), 1 << 20);
    assertEquals(5, noIds.stream().filter(i -> i.kind() == CrawlItem.Kind.PAGE).count());
  }

  @Test
  void everySampleFileEndsWithBoundedOutput() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(SAMPLES));
    try (Stream<Path> files = Files.walk(SAMPLES)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        long bytes = Files.size(f);
        int n = CrawlFileReader.readAll(CrawlSource.of(f), 8 << 20).size();
        // a record is at least ~100 bytes: more items than that would mean the reader went round in
        // circles
        assertTrue(n >= 1 && n <= bytes / 50 + 2, f + ": " + n + " items for " + bytes + " bytes");
      }
    }
  }

  /** A response recorded still Brotli-encoded (as browser-based crawlers keep it) is a page. */
  @Test
  void aBrotliEncodedResponseIsReadAsItsPage(@TempDir Path tmp) throws IOException {
    byte[] html;
    byte[] br;
    try (var a = getClass().getResourceAsStream("encoded-page.html");
        var b = getClass().getResourceAsStream("encoded-page.html.br")) {
      html = a.readAllBytes();
      br = b.readAllBytes();
    }
    Path f = tmp.resolve("browser.warc");
    try (var ch =
            java.nio.channels.FileChannel.open(
                f,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE);
        var warc = new org.netpreserve.jwarc.WarcWriter(ch)) {
      var http =
          new org.netpreserve.jwarc.HttpResponse.Builder(200, "OK")
              .addHeader("Content-Encoding", "br")
              .body(org.netpreserve.jwarc.MediaType.parse("text/html; charset=utf-8"), br)
              .build();
      warc.write(
          new org.netpreserve.jwarc.WarcResponse.Builder(
                  java.net.URI.create("https://example.org/a"))
              .body(http)
              .build());
    }
    List<CrawlItem> items = CrawlFileReader.readAll(CrawlSource.of(f), 1 << 20);
    assertEquals(1, items.size(), items.toString());
    assertEquals(CrawlItem.Kind.PAGE, items.get(0).kind(), items.toString());
    assertEquals(
        new String(html, java.nio.charset.StandardCharsets.UTF_8),
        new String(items.get(0).record().body(), java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void emptyFileIsReported(@TempDir Path tmp) throws IOException {
    Path f = Files.createFile(tmp.resolve("empty.warc.gz"));
    assertEquals(Map.of("MALFORMED:file.empty", 1), counts(f));
  }
}
