package org.lmforge.analysis.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad points files give a clear error or a counted exclusion, never a silent fit. */
class ScalingFitBadInputTest {
  @TempDir Path dir;

  @Test
  void fewerRunsThanParametersIsAnError() throws IOException {
    Path in =
        write(
            "params,tokens,loss\n1e6,1e8,4.1\n1e7,1e9,3.5\n1e8,1e10,3.0\n1e6,1e9,3.9\n1e7,1e8,3.8\n");
    assertRefused(in, "5 runs", "at least 6", in.toString());
    assertFalse(Files.exists(dir.resolve("fit.json")));
  }

  @Test
  void nonPositiveSizeNamesTheLine() throws IOException {
    Path in = write(grid(3, 3).replaceFirst("\n1\\.0+e\\+06,", "\n0,"));
    assertRefused(in, "line 2", "params is 0");
  }

  @Test
  void nonPositiveLossIsAnError() throws IOException {
    Path in = write(grid(3, 3) + "1e7,1e9,-0.5\n");
    assertRefused(in, "line 11", "must be > 0");
  }

  @Test
  void nanLossesAreExcludedAndCounted() throws IOException {
    Path in = write(grid(4, 4) + "2e7,3e9,NaN\n3e7,4e9,inf\n4e7,5e9,\n");
    JsonNode fit = fit(in);
    assertEquals(3, fit.at("/excluded/count").asInt());
    assertEquals(18, fit.at("/excluded/rows/0/line").asInt());
    assertEquals(PointsCsv.LOSS_NOT_FINITE, fit.at("/excluded/rows/2/reason").asText());
    assertEquals(16, fit.get("runs_used").asInt());
    assertTrue(Double.isFinite(fit.get("alpha").asDouble()));
  }

  @Test
  void missingColumnIsNamed() throws IOException {
    assertRefused(
        write("params,tokens,perplexity\n1e6,1e8,4\n"),
        "missing column 'loss' or l, val_loss, eval_loss, validation_loss",
        "params,tokens,perplexity");
    // fields separated by ';' (spreadsheets in many locales) read as one column: said so
    assertRefused(
        write("params;tokens;loss\n1e6;1e8;4\n"),
        "missing column 'params'",
        "the file is not comma-separated");
  }

  /**
   * A spreadsheet's "CSV UTF-8" export: a byte order mark before the header and CRLF line ends. It
   * fits as the plain file does (the mark stuck to 'params': "missing column 'params'").
   */
  @Test
  void aSpreadsheetExportWithAByteOrderMarkFitsAsThePlainFile() throws IOException {
    String plain = grid(4, 4);
    JsonNode expected = fit(write(plain));
    JsonNode exported = fit(write("\uFEFF" + plain.replace("\n", "\r\n")));
    assertEquals(16, exported.get("runs_used").asInt());
    assertEquals(expected.get("alpha").asDouble(), exported.get("alpha").asDouble(), 0.0);
  }

  @Test
  void textInANumberColumnNamesLineAndColumn() throws IOException {
    Path in = write("params,tokens,loss\n1e6,lots,4\n");
    assertRefused(in, "line 2: column 'tokens' is 'lots'");
  }

  @Test
  void aLossThatRisesWithModelSizeIsCalledMeaningless() throws IOException {
    // larger models worse, as when the params column holds something else: alpha < 0
    StringBuilder csv = new StringBuilder("params,tokens,loss\n");
    for (double n : new double[] {1e6, 3e6, 1e7, 3e7, 1e8}) {
      for (double d : new double[] {1e8, 1e9, 1e10}) {
        double loss = 2 + 0.05 * Math.pow(n / 1e6, 0.3) + 400 / Math.pow(d, 0.3);
        csv.append(String.format(Locale.ROOT, "%.1e,%.1e,%.6f%n", n, d, loss));
      }
    }
    ScalingFit.Result r =
        ScalingFit.fitCsv(
            write(csv.toString()),
            dir.resolve("fit.json"),
            FitOptions.defaults().withBootstrap(20));
    String w = r.identificationWarning();
    assertTrue(w.contains("at most zero: in these runs the loss does not fall"), w);
    assertTrue(w.contains("meaningless"), w);
  }

  @Test
  void oneModelSizeCannotSeparateTheTerms() throws IOException {
    StringBuilder csv = new StringBuilder("params,tokens,loss\n");
    for (int i = 0; i < 8; i++) {
      double d = 1e8 * Math.pow(2, i);
      csv.append(
          String.format(Locale.ROOT, "1e7,%e,%f%n", d, ChinchillaLaw.HOFFMANN_2022.loss(1e7, d)));
    }
    Path in = write(csv.toString());
    assertRefused(in, "1 distinct model sizes");
  }

  @Test
  void rowsWithTooFewFieldsNameTheLine() throws IOException {
    Path in = write("params,tokens,loss\n1e6,1e8\n");
    assertRefused(in, "line 2: 2 fields");
  }

  /** Fitting {@code in} is refused with a message holding each of {@code parts}. */
  private void assertRefused(Path in, String... parts) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fit(in));
    for (String part : parts) assertTrue(e.getMessage().contains(part), e.getMessage());
  }

  private String grid(int sizes, int lengths) {
    StringBuilder csv = new StringBuilder("params,tokens,loss\n");
    List<ScalingPoint> points =
        SyntheticPoints.grid(
            ChinchillaLaw.HOFFMANN_2022, 1e6, 1e9, sizes, 1e8, 1e11, lengths, 0.01, 3);
    for (ScalingPoint p : points) {
      csv.append(String.format(Locale.ROOT, "%e,%e,%f%n", p.params(), p.tokens(), p.loss()));
    }
    return csv.toString();
  }

  private Path write(String text) throws IOException {
    Path in = dir.resolve("points.csv");
    Files.writeString(in, text);
    return in;
  }

  private JsonNode fit(Path in) throws IOException {
    Path out = dir.resolve("fit.json");
    ScalingFit.fitCsv(in, out, FitOptions.defaults().withBootstrap(10));
    return new ObjectMapper().readTree(out.toFile());
  }
}
