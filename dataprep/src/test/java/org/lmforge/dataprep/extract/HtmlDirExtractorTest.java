package org.lmforge.dataprep.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlDirExtractorTest {
  private static final String ARTICLE =
      "<html><head><title>T</title></head><body><nav><a href=/>Home</a> <a href=/x>News</a></nav>"
          + "<article><h1>%s</h1><p>%s</p><p>Second paragraph of the page.</p></article>"
          + "<footer>Impressum</footer></body></html>";

  @Test
  void writesOneJsonLinePerHtmlFileSortedWithCharsetSniffed(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("b.html"),
        ARTICLE.formatted("Bee", "Plain UTF-8 text: naïve café."),
        StandardCharsets.UTF_8);
    Files.createDirectories(dir.resolve("sub"));
    // windows-1252 bytes, declared in a meta tag, gzip-compressed
    String latin =
        ARTICLE
            .formatted("Ah", "Größe und Maße.")
            .replace("<head>", "<head><meta charset=\"windows-1252\">");
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(dir.resolve("sub/a.html.gz")))) {
      out.write(latin.getBytes(Charset.forName("windows-1252")));
    }
    Files.writeString(dir.resolve("notes.txt"), "not html");
    Path out = dir.resolve("out/extracted.jsonl");

    HtmlDirExtractor.Result r = HtmlDirExtractor.run(dir, out);

    assertEquals(new HtmlDirExtractor.Result(2, List.of()), r);
    // sorted by path: "b.html" < "sub/a.html.gz"; named by the path under dir
    assertEquals(
        List.of(
            "{\"file\":\"b.html\",\"text\":\"Bee\\nPlain UTF-8 text: naïve café.\\nSecond paragraph of the page.\"}",
            "{\"file\":\"sub/a.html.gz\",\"text\":\"Ah\\nGröße und Maße.\\nSecond paragraph of the page.\"}"),
        Files.readAllLines(out, StandardCharsets.UTF_8));
  }

  @Test
  void anUnreadablePageIsSkippedAndNamedAndTheOthersWritten(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("x"));
    Files.createDirectories(dir.resolve("y"));
    Files.writeString(dir.resolve("x/page.html"), ARTICLE.formatted("One", "First page."));
    Files.writeString(dir.resolve("y/page.html"), ARTICLE.formatted("Two", "Second page."));
    byte[] gz = gzip(ARTICLE.formatted("Three", "Third page."));
    Files.write(dir.resolve("cut.html.gz"), java.util.Arrays.copyOf(gz, gz.length / 2));
    Files.writeString(dir.resolve("plain.html.gz"), "<p>not compressed</p>");
    Path out = dir.resolve("out.jsonl");

    HtmlDirExtractor.Result r = HtmlDirExtractor.run(dir, out);

    assertEquals(2, r.written());
    assertEquals(2, r.skipped().size(), r.skipped().toString());
    assertTrue(r.skipped().get(0).startsWith("cut.html.gz: "), r.skipped().toString());
    assertTrue(
        r.skipped().get(1).startsWith("plain.html.gz: Not in GZIP format"), r.skipped().toString());
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertTrue(
        lines.get(0).startsWith("{\"file\":\"x/page.html\",\"text\":\"One\\n"), lines.get(0));
    assertTrue(
        lines.get(1).startsWith("{\"file\":\"y/page.html\",\"text\":\"Two\\n"), lines.get(1));
  }

  private static byte[] gzip(String html) throws IOException {
    var bytes = new java.io.ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(html.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  @Test
  void missingInputDirectoryIsAClearError(@TempDir Path dir) {
    IOException e =
        assertThrows(
            IOException.class,
            () -> HtmlDirExtractor.run(dir.resolve("nope"), dir.resolve("o.jsonl")));
    assertEquals(true, e.getMessage().contains("nope"));
  }
}
