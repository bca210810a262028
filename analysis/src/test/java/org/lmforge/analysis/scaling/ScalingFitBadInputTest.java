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
  @TempDir
  Path dir;

  @Test
  void fewerRunsThanParametersIsAnError() throws IOException {
    Path in = write("params,tokens,loss\n1e6,1e8,4.1\n1e7,1e9,3.5\n1e8,1e10,3.0\n1e6,1e9,3.9\n1e7,1e8,3.8\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fit(in));
    assertTrue(e.getMessage().contains("5 runs"), e.getMessage());
    assertTrue(e.getMessage().contains("at least 6"), e.getMessage());
    assertTrue(e.getMessage().contains(in.toString()), e.getMessage());
    assertFalse(Files.exists(dir.resolve("fit.json")));
  }

  @Test
  void nonPositiveSizeNamesTheLine() throws IOException {
    Path in = write(grid(3, 3).replaceFirst("\n1\\.0+e\\+06,", "\n0,"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fit(in));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    assertTrue(e.getMessage().contains("params is 0"), e.getMessage());
  }

  @Test
  void nonPositiveLossIsAnError() throws IOException {
    Path in = write(grid(3, 3) + "1e7,1e9,-0.5\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fit(in));
    assertTrue(e.getMessage().contains("line 11"), e.getMessage());
    assertTrue(e.getMessage().contains("must be > 0"), e.getMessage());
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
    Path in = write("params,tokens,val_loss\n1e6,1e8,4\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fit(in));
    assertTrue(e.getMessage().contains("missing column 'loss'"), e.getMessage());
    assertTrue(e.getMessage().contains("params,tokens,val_loss"), e.getMessage());
  }

  @Test
  void textInANumberColumnNamesLineAndColumn() throws IOException {
    Path in = write("params,tokens,loss\n1e6,lots,4\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fit(in));
    assertTrue(e.getMessage().contains("line 2: column 'tokens' is 'lots'"), e.getMessage());
  }

  @Test
  void oneModelSizeCannotSeparateTheTerms() throws IOException {
    StringBuilder csv = new StringBuilder("params,tokens,loss\n");
    for (int i = 0; i < 8; i++) {
      double d = 1e8 * Math.pow(2, i);
      csv.append(String.format(Locale.ROOT, "1e7,%e,%f%n", d, ChinchillaLaw.HOFFMANN_2022.loss(1e7, d)));
    }
    Path in = write(csv.toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fit(in));
    assertTrue(e.getMessage().contains("1 distinct model sizes"), e.getMessage());
  }

  @Test
  void rowsWithTooFewFieldsNameTheLine() throws IOException {
    Path in = write("params,tokens,loss\n1e6,1e8\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fit(in));
    assertTrue(e.getMessage().contains("line 2: 2 fields"), e.getMessage());
  }

  private String grid(int sizes, int lengths) {
    StringBuilder csv = new StringBuilder("params,tokens,loss\n");
    List<ScalingPoint> points = SyntheticPoints.grid(ChinchillaLaw.HOFFMANN_2022, 1e6, 1e9, sizes, 1e8, 1e11,
        lengths, 0.01, 3);
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
