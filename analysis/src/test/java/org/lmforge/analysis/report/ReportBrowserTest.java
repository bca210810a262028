package org.lmforge.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.analysis.scaling.ChinchillaLaw;
import org.lmforge.analysis.scaling.ScalingFit;

/**
 * The report renders in a real browser and shows the sweep's own numbers: headless Chromium (Debian
 * package {@code chromium}) dumps the DOM it built and takes a screenshot. What the page must show
 * is read by this test from the sweep's files (runs.csv, runs/&lt;id&gt;/metrics.jsonl, and
 * fit.json as {@code bin/pipeline fit-scaling} writes it), never through the report's code, and
 * compared with numbers and elements taken from the rendered DOM. Without Chromium the test fails
 * when the environment variable CI is set (.ci/run installs it) and is skipped otherwise.
 */
class ReportBrowserTest {
  @TempDir Path dir;

  @Test
  void chromiumRendersTheSweepsNumbers() throws Exception {
    Path chromium = chromium();
    Path sweep = dir.resolve("sweep");
    SyntheticSweep.write(sweep, ChinchillaLaw.HOFFMANN_2022, ReportTest.BUDGETS, 5, true, 8);
    // fit.json beside runs.csv, as the sweep job writes it before the report.
    ScalingFit.fitCsv(sweep.resolve("runs.csv"), sweep.resolve("fit.json"), ReportTest.FAST);
    Path report = dir.resolve("report.html");
    Report.write(sweep, report, 1e21, ReportTest.FAST);

    // What the page must show, from the input files.
    List<Map<String, String>> runs = csv(sweep.resolve("runs.csv"));
    JsonNode fit = new ObjectMapper().readTree(sweep.resolve("fit.json").toFile());
    Map<Double, Long> runsPerBudget =
        runs.stream()
            .collect(
                Collectors.groupingBy(
                    r -> Double.parseDouble(r.get("budget_flops")), Collectors.counting()));
    assertTrue(
        runsPerBudget.values().stream().allMatch(n -> n >= 3),
        "every budget is an IsoFLOP profile");
    int trainCurves = runsWithMetric(sweep, runs, "loss"),
        valCurves = runsWithMetric(sweep, runs, "val_loss");

    Document dom = Jsoup.parse(chromium(chromium, report, "--dump-dom"));

    // The fitted law: numbers parsed from the table cells equal fit.json's to the 4 digits the
    // report prints.
    Element params = dom.selectFirst("table.fit-params");
    assertNotNull(params, "fitted-parameter table");
    for (String p : List.of("E", "A", "B", "alpha", "beta")) {
      double expected = fit.get(p).asDouble();
      assertEquals(
          expected,
          cell(params, p, "this sweep"),
          5e-4 * Math.abs(expected),
          p + " shown vs fit.json");
    }
    // The runs table: one row per line of runs.csv, with its final validation loss.
    Element runsTable = dom.selectFirst("table.runs");
    assertNotNull(runsTable, "runs table");
    assertEquals(runs.size(), runsTable.select("tbody tr").size(), "rows of the runs table");
    for (Map<String, String> r : runs) {
      double loss = Double.parseDouble(r.get("final_val_loss"));
      assertEquals(
          loss, cell(runsTable, r.get("run_id"), "final_val_loss"), 5e-4 * loss, r.get("run_id"));
    }

    // The plots, as SVG elements in the DOM Chromium built.
    Map<String, Element> plots = new LinkedHashMap<>();
    for (Element svg : dom.select("svg.plot")) plots.put(svg.attr("aria-label"), svg);
    assertEquals(6, plots.size(), "plots: " + plots.keySet());
    for (String title :
        List.of("Loss vs parameters N", "Loss vs tokens D", "Loss vs compute C = 6ND")) {
      assertEquals(
          runs.size(), markers(plot(plots, title)), title + ": one marker per run of runs.csv");
    }
    Element isoFlop = plot(plots, "IsoFLOP profiles: loss vs parameters at fixed compute");
    assertEquals(runs.size(), markers(isoFlop), "IsoFLOP: one marker per run");
    assertEquals(
        runsPerBudget.size(), curves(isoFlop), "IsoFLOP: one parabola per budget of runs.csv");
    assertEquals(
        trainCurves,
        curves(plot(plots, "Training loss")),
        "one training curve per run with train losses");
    assertEquals(
        valCurves,
        curves(plot(plots, "Validation loss")),
        "one validation curve per run with val_loss");

    Path shot = dir.resolve("shot.png");
    chromium(chromium, report, "--screenshot=" + shot);
    BufferedImage img = ImageIO.read(shot.toFile());
    assertEquals(1280, img.getWidth());
    Set<Integer> colours = new HashSet<>();
    int nonWhite = 0;
    for (int y = 0; y < img.getHeight(); y += 4) {
      for (int x = 0; x < img.getWidth(); x += 4) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        if (rgb != 0xffffff) {
          nonWhite++;
        }
      }
    }
    assertTrue(colours.size() > 50, "screenshot has only " + colours.size() + " colours");
    assertTrue(nonWhite > img.getWidth() * img.getHeight() / 16 / 50, "screenshot almost blank");
  }

  /**
   * Chromium from PATH. Missing, it is a failure when the environment variable CI is set (CI must
   * run this test; .ci/run installs Chromium) and a skip elsewhere.
   */
  private static Path chromium() {
    Optional<Path> found =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .filter(d -> !d.isEmpty())
            .map(d -> Path.of(d, "chromium"))
            .filter(Files::isExecutable)
            .findFirst();
    if (found.isPresent()) {
      return found.get();
    }
    String missing = "no chromium on PATH (apt-get install chromium)";
    if (System.getenv("CI") != null) {
      return fail(missing + "; CI is set, and in CI the report's browser test must run");
    }
    return Assumptions.abort(
        missing + "; skipped because the environment variable CI is not set (in CI it fails)");
  }

  /**
   * runs.csv as SyntheticSweep writes it (no quoted fields): one map per row, column name to text.
   */
  private static List<Map<String, String>> csv(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    String[] header = lines.get(0).split(",");
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      Map<String, String> row = new TreeMap<>();
      for (int i = 0; i < header.length; i++) row.put(header[i], cells[i]);
      rows.add(row);
    }
    return rows;
  }

  /** Runs whose metrics.jsonl has at least one record with a number under {@code field}. */
  private static int runsWithMetric(Path sweep, List<Map<String, String>> runs, String field)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    int n = 0;
    for (Map<String, String> r : runs) {
      Path m = sweep.resolve("runs").resolve(r.get("run_id")).resolve("metrics.jsonl");
      if (!Files.exists(m)) continue;
      for (String line : Files.readAllLines(m)) {
        if (json.readTree(line).path(field).isNumber()) {
          n++;
          break;
        }
      }
    }
    return n;
  }

  /**
   * The number in the cell of {@code table} at the row whose first cell is {@code row}, under
   * {@code column}.
   */
  private static double cell(Element table, String row, String column) {
    List<String> header = table.select("thead th").eachText();
    int c = header.indexOf(column);
    assertTrue(c >= 0, "no column " + column + " in " + header);
    for (Element tr : table.select("tbody tr")) {
      List<String> cells = tr.select("td").eachText();
      if (cells.get(0).equals(row)) {
        return Double.parseDouble(cells.get(c));
      }
    }
    return fail("no row " + row + " in table " + table.className());
  }

  private static Element plot(Map<String, Element> plots, String title) {
    Element svg = plots.get(title);
    assertNotNull(svg, "no plot '" + title + "' among " + plots.keySet());
    return svg;
  }

  /**
   * Marker circles in the plot area. xchart draws the series inside one group clipped to the plot
   * area; the legend's sample markers are drawn outside it.
   */
  private static int markers(Element svg) {
    return svg.select("g[clip-path] ellipse").size();
  }

  /**
   * Lines in the plot area: xchart draws a line series as one SVG line per segment, so a curve is a
   * run of consecutive segments in one style, each starting where the previous one ended.
   */
  private static int curves(Element svg) {
    int curves = 0;
    Element previous = null;
    for (Element e : svg.select("g[clip-path] > *")) {
      boolean continues =
          previous != null
              && e.tagName().equals("line")
              && previous.tagName().equals("line")
              && e.attr("style").equals(previous.attr("style"))
              && Double.parseDouble(e.attr("x1")) == Double.parseDouble(previous.attr("x2"))
              && Double.parseDouble(e.attr("y1")) == Double.parseDouble(previous.attr("y2"));
      if (e.tagName().equals("line") && !continues) {
        curves++;
      }
      previous = e;
    }
    return curves;
  }

  private String chromium(Path chromium, Path report, String mode)
      throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + dir.resolve("profile"),
                "--window-size=1280,2400",
                mode,
                report.toUri().toString()));
    Path log = dir.resolve("chromium.log");
    Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
    assertEquals(0, p.exitValue(), () -> "chromium failed: " + read(log));
    return new String(out, StandardCharsets.UTF_8);
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
