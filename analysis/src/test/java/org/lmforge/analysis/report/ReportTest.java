package org.lmforge.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.analysis.scaling.ChinchillaLaw;
import org.lmforge.analysis.scaling.FitOptions;
import org.lmforge.analysis.scaling.KaplanLaw;
import org.w3c.dom.Document;

/**
 * The report of a synthetic sweep has every section, well-formed inline SVG plots and the fitted
 * values.
 */
class ReportTest {
  static final double[] BUDGETS = {1e16, 1e17, 1e18, 1e19};
  static final FitOptions FAST = FitOptions.defaults().withBootstrap(20);

  @TempDir Path dir;

  @Test
  void fullSweepHasAllSectionsPlotsAndValues() throws Exception {
    Path sweep = dir.resolve("sweep");
    SyntheticSweep.write(sweep, ChinchillaLaw.HOFFMANN_2022, BUDGETS, 5, true, 3);
    Path out = dir.resolve("report.html");
    Report.write(sweep, out, 1e21, FAST);
    String html = Files.readString(out);

    for (String id :
        List.of("budget", "fit", "loss-vs", "isoflop", "curves", "runs", "provenance", "notes")) {
      assertTrue(html.contains("<section id=\"" + id + "\">"), "section " + id);
    }
    List<String> svgs = svgs(html);
    // Loss vs N, D, C; IsoFLOP; training and validation curves.
    assertEquals(6, svgs.size());
    for (String svg : svgs) {
      Document d =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
      assertEquals("svg", d.getDocumentElement().getNodeName());
      assertTrue(
          d.getElementsByTagName("path").getLength() + d.getElementsByTagName("line").getLength()
              > 100,
          "an SVG with almost nothing drawn");
    }
    assertFalse(html.contains("http://") && html.contains("<script"), "no scripts");
    assertFalse(html.contains("<script"));
    assertFalse(
        Pattern.compile("(src|href)=\"https?:").matcher(html).find(), "no network resources");
    // Published values next to the fit, and the provenance.
    assertTrue(html.contains("<td>406.4</td>"));
    assertTrue(html.contains("<td>0.076</td>"));
    assertTrue(html.contains("gopher.too_few_words") && html.contains("311,020"));
    assertTrue(html.contains("lmforge-bpe-32k") && html.contains("4.21"));
    // The fitted alpha, computed independently from the same runs, appears in the parameter table.
    assertTrue(
        Pattern.compile("<td>alpha</td><td>0\\.3[0-9]+</td>").matcher(html).find(),
        "fitted alpha near 0.34");
    assertFalse(html.contains("not available: no provenance"));
    assertTrue(html.contains("Nothing missing."));
    assertFalse(html.contains("Not identified"), "a sweep of a real law pins the exponents down");
    // A sweep of Chinchilla's law: its form forecasts the largest budget better, and the report
    // says it is used.
    assertTrue(
        html.contains("Predictions use the <b>chinchilla</b> form"), "the chosen form is named");
    assertTrue(
        html.contains(
            "Chinchilla approach 3: L(N, D) = E + A/N<sup>alpha</sup> + B/D<sup>beta</sup> (used for "
                + "predictions)"));
  }

  @Test
  void aSweepOfKaplansJointLawIsPredictedWithIt() throws Exception {
    Path sweep = dir.resolve("sweep-kaplan");
    SyntheticSweep.write(
        sweep,
        new KaplanLaw(7e11, 3.5e11, 0.07, 0.11),
        new double[] {1e10, 3.2e10, 1e11, 3.2e11},
        6,
        true,
        5);
    Path out = dir.resolve("report-kaplan.html");
    Report.write(sweep, out, 1e13, FAST);
    String html = Files.readString(out);
    assertTrue(html.contains("Predictions use the <b>kaplan</b> form"), "the chosen form is named");
    assertTrue(
        Pattern.compile("<td>alpha_N</td><td>0\\.0[67][0-9]*</td>").matcher(html).find(),
        "fitted alpha_N near the planted 0.07");
    assertTrue(
        html.contains("<td>fitted law (kaplan)</td>"), "the budget table uses the chosen law");
    assertTrue(html.contains("Train about <b>"), "an identified law's allocation is recommended");
  }

  @Test
  void aSweepThatCannotPinTheExponentsDownSaysSoNextToThePrediction() throws Exception {
    // Every run of the demo sweep data-starved, the smallest model best.
    Path sweep = demoSweep("demo", 6.24217, 6.88366, 6.95391, 6.40781, 6.59129, 6.94298, 7.07480);
    Path out = dir.resolve("demo.html");
    Report.write(sweep, out, 1e21, FAST);
    String html = Files.readString(out);
    int warning = html.indexOf("Not identified by these runs: alpha");
    assertTrue(warning > 0, "the unidentified exponent is named");
    assertFalse(html.contains("Train about"), "no model is recommended from an unidentified law");
    int instead =
        html.indexOf("No compute-optimal model for this budget: the law is not identified");
    assertTrue(warning < instead, "the warning comes first, then why there is no recommendation");
    assertTrue(
        html.contains("<td>fitted law (chinchilla)</td>"),
        "the law's allocation is still tabulated");
  }

  @Test
  void aFitWhoseScaleOverflowsStillWritesTheReportAndAFitJsonWithNulls() throws Exception {
    // The demo sweep's runs of 2026-11-30: Kaplan's joint fit drives alpha_N to ~1e-5, and N_c past
    // the double range.
    Path sweep =
        demoSweep("demo-overflow", 6.37390, 6.78765, 6.79387, 6.42923, 6.54779, 6.77984, 6.84668);
    Path out = dir.resolve("demo-overflow.html");
    Report.write(sweep, out, 1e21, FAST);
    String html = Files.readString(out);
    assertTrue(html.contains("<td>N_c</td><td>\u221e</td>"), "an infinite N_c is printed as such");
    Path json = dir.resolve("demo-overflow.json");
    Path points = dir.resolve("demo-overflow-points.csv");
    Files.writeString(
        points, Files.readString(sweep.resolve("runs.csv")).replace("final_val_loss", "loss"));
    org.lmforge.analysis.scaling.ScalingFit.fitCsv(points, json, FAST);
    com.fasterxml.jackson.databind.JsonNode fit =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
    assertTrue(
        fit.path("kaplan_joint").path("N_c").isNull(), "a non-finite value is null in fit.json");
    assertFalse(
        fit.path("law").path("identified").asBoolean(true), "fit.json says: not identified");
    assertFalse(
        Files.readString(json).contains("Infinity") || Files.readString(json).contains("NaN"));
  }

  @Test
  void missingOptionalPartsSayNotAvailable() throws Exception {
    Path sweep = dir.resolve("bare");
    SyntheticSweep.write(sweep, ChinchillaLaw.HOFFMANN_2022, BUDGETS, 5, false, 4);
    try (var runs = Files.list(sweep.resolve("runs"))) {
      for (Path r : runs.toList()) {
        Files.delete(r.resolve("metrics.jsonl"));
        Files.delete(r);
      }
    }
    Path out = dir.resolve("bare.html");
    Report.write(sweep, out, 1e20, FAST);
    String html = Files.readString(out);
    assertTrue(html.contains("not available: no provenance/tokenizer.json"));
    assertTrue(html.contains("not available: no provenance/clean-stats.json"));
    assertTrue(html.contains("not available: no runs/&lt;run_id&gt;/metrics.jsonl"));
    assertEquals(4, svgs(html).size());
  }

  @Test
  void tooFewRunsStillWritesAReportThatSaysWhy() throws Exception {
    Path sweep = dir.resolve("tiny");
    SyntheticSweep.write(sweep, ChinchillaLaw.HOFFMANN_2022, new double[] {1e17}, 3, true, 5);
    // A diverged run: counted as excluded, not fitted.
    Files.writeString(
        sweep.resolve("runs.csv"),
        Files.readString(sweep.resolve("runs.csv"))
            + "r99,2,64,4,256,1e6,1.2e6,1e8,6e14,NaN,NaN,NaN,1,1,1e17,NaN\n");
    Path out = dir.resolve("tiny.html");
    Report.write(sweep, out, 1e20, FAST);
    String html = Files.readString(out);
    assertTrue(
        html.contains("not available: 3 runs after excluding 1 runs with a non-finite loss"),
        "reason shown");
    assertTrue(html.contains("runs.csv line 5 (points.loss_not_finite)"));
    assertTrue(html.contains("<section id=\"curves\">"));
  }

  @Test
  void aDirectoryWithoutRunsCsvIsAClearError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Report.write(dir, dir.resolve("x.html"), 1e20, FAST));
    assertTrue(e.getMessage().contains("has no runs.csv"), e.getMessage());
    assertTrue(e.getMessage().contains("run_id,params,tokens,final_val_loss"), e.getMessage());
  }

  /** The 7 runs of this project's demo sweep (README): id, parameters, tokens, loss, budget. */
  static final String[] DEMO_RUNS = {
    "c3.0e10-L1-h2-d32,12768,391168,%s,3e10",
    "c3.0e10-L2-h2-d48,56640,88064,%s,3e10",
    "c3.0e10-L2-h4-d64,100096,50176,%s,3e10",
    "c1.0e11-L2-h2-d48,56640,293888,%s,1e11",
    "c1.0e11-L2-h4-d64,100096,166912,%s,1e11",
    "c1.0e11-L3-h4-d96,335712,49152,%s,1e11",
    "c1.0e11-L4-h4-d128,793344,21504,%s,1e11"
  };

  /** A sweep directory {@code name} of the demo runs with these final losses, in their order. */
  Path demoSweep(String name, double... losses) throws IOException {
    StringBuilder csv = new StringBuilder("run_id,params,tokens,final_val_loss,budget_flops\n");
    for (int i = 0; i < DEMO_RUNS.length; i++)
      csv.append(String.format(DEMO_RUNS[i], losses[i])).append('\n');
    Path sweep = Files.createDirectories(dir.resolve(name));
    Files.writeString(sweep.resolve("runs.csv"), csv);
    return sweep;
  }

  static List<String> svgs(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
