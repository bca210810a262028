package org.lmforge.pipeline.clean;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Writes crawl files with the bad inputs the clean job must survive, each between two good pages.
 */
final class EdgeCaseWarcs {
  private EdgeCaseWarcs() {}

  static final String GOOD_TEXT =
      "The committee met on Tuesday to discuss the annual budget of the regional "
          + "library. Members agreed that the reading rooms should stay open in the evenings, and that the "
          + "collection of local history books deserves a new catalogue. The chair thanked the volunteers.";

  /** A page around a distinct real Europarl debate (distinct, so that dedupe keeps every one). */
  static String goodPage(String title, int debate) {
    StringBuilder p = new StringBuilder();
    for (String para :
        org.lmforge.dataprep.sample.EuroparlCorpus.read(debate + 1).get(debate).paragraphs()) {
      p.append("<p>").append(para.replace("&", "&amp;").replace("<", "&lt;")).append("</p>");
    }
    return "<html><head><title>"
        + title
        + "</title></head><body><nav><a href='/'>Home</a></nav>"
        + "<article><h1>"
        + title
        + "</h1>"
        + p
        + "</article><footer>Contact us</footer></body></html>";
  }

  /**
   * good, 50 MB page, good, binary body under text/html, good, 10,000-deep nesting, latin-1 under
   * "utf-8".
   */
  static Path write(Path dir) throws IOException {
    Path f = dir.resolve("edge-cases.warc.gz");
    try (WarcWriter w =
        new WarcWriter(
            Files.newByteChannel(
                f, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE),
            WarcCompression.GZIP)) {
      w.write(
          page(
              "https://a.example/good-1",
              "text/html; charset=utf-8",
              utf8(goodPage("First good page", 0))));
      StringBuilder huge = new StringBuilder(50 << 20);
      huge.append("<html><body>");
      while (huge.length() < (50 << 20)) {
        huge.append("<p>").append(GOOD_TEXT).append("</p>\n");
      }
      huge.append("</body></html>");
      w.write(page("https://a.example/huge", "text/html", utf8(huge.toString())));
      w.write(
          page(
              "https://a.example/good-2",
              "text/html; charset=utf-8",
              utf8(goodPage("Second good page", 1))));
      byte[] binary = new byte[20_000];
      new java.util.Random(7).nextBytes(binary);
      w.write(page("https://a.example/binary", "text/html", binary));
      w.write(page("https://a.example/good-3", "text/html", utf8(goodPage("Third good page", 2))));
      String deep = "<div>".repeat(10_000) + "<p>" + GOOD_TEXT + "</p>" + "</div>".repeat(10_000);
      w.write(
          page(
              "https://a.example/deep",
              "text/html",
              utf8("<html><body>" + deep + "</body></html>")));
      w.write(
          page(
              "https://a.example/latin1",
              "text/html; charset=utf-8",
              ("<html><head><title>Caf\u00e9 cr\u00e8me</title></head><body><p>"
                      + GOOD_TEXT
                      + " After the meeting the members had a caf\u00e9 cr\u00e8me in the town square and talked about"
                      + " the plans for next year. Everyone agreed that the evening had been useful. The next meeting"
                      + " will be held in the spring, when the new catalogue is ready for review by the board.</p></body></html>")
                  .getBytes(StandardCharsets.ISO_8859_1)));
    }
    Files.createFile(dir.resolve("empty.warc.gz"));
    return f;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static WarcResponse page(String url, String type, byte[] body) throws IOException {
    HttpResponse http =
        new HttpResponse.Builder(200, "OK").body(MediaType.parse(type), body).build();
    return new WarcResponse.Builder(URI.create(url))
        .date(Instant.parse("2024-05-01T10:00:00Z"))
        .body(http)
        .build();
  }
}
