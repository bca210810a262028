package org.lmforge.analysis.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.lmforge.analysis.scaling.EnvelopeFit;
import org.lmforge.analysis.scaling.FitOptions;
import org.lmforge.analysis.scaling.Fitted;
import org.lmforge.analysis.scaling.PointsCsv;
import org.lmforge.analysis.scaling.PowerLaw;
import org.lmforge.analysis.scaling.PublishedLaws;
import org.lmforge.analysis.scaling.ScalingFit;
import org.lmforge.analysis.scaling.ScalingLaw;
import org.lmforge.analysis.scaling.ScalingPoint;
import org.lmforge.config.LocalFiles;

/**
 * {@code bin/pipeline report --sweep DIR}: one self-contained HTML file (inline CSS and SVG, no
 * script, no network) with the compute-optimal prediction for a budget, the fitted laws next to the
 * published ones, loss against N, D and C with the fits, IsoFLOP profiles, training curves, the
 * runs, and the provenance of the data. Parts the sweep lacks say "not available" and why.
 */
public final class Report {
  private static final Color KAPLAN = new Color(200, 80, 40);
  private static final Color CHINCHILLA = new Color(40, 150, 90);

  private Report() {}

  /** Writes the report of {@code sweepDir} to {@code outHtml} with the default fit options. */
  public static void write(Path sweepDir, Path outHtml, double budgetFlops) {
    write(sweepDir, outHtml, budgetFlops, FitOptions.defaults());
  }

  public static void write(Path sweepDir, Path outHtml, double budgetFlops, FitOptions options) {
    if (!(budgetFlops > 0) || Double.isInfinite(budgetFlops)) {
      throw new IllegalArgumentException(
          "the compute budget must be a positive number of FLOPs, got " + budgetFlops);
    }
    System.setProperty("java.awt.headless", "true");
    SweepDir.Sweep sweep = SweepDir.read(sweepDir);
    String html = render(sweep, budgetFlops, options.withBudgets(budgetFlops));
    try {
      LocalFiles.replace(outHtml, html);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + outHtml + ": " + e.getMessage(), e);
    }
  }

  static String render(SweepDir.Sweep sweep, double budget, FitOptions options) {
    List<String> notes = new ArrayList<>(sweep.notes());
    List<ScalingPoint> points = new ArrayList<>();
    List<PointsCsv.Exclusion> excluded = new ArrayList<>();
    List<EnvelopeFit.Curve> curves = new ArrayList<>();
    collect(sweep, points, excluded, curves, notes);
    ScalingFit.Result fit = null;
    String fitError = null;
    try {
      fit = ScalingFit.fit(points, excluded, curves, options);
    } catch (IllegalArgumentException | IllegalStateException e) {
      fitError = e.getMessage();
    }

    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Scaling report: ")
        .append(Html.escape(sweep.dir().getFileName().toString()))
        .append("</title>")
        .append("<style>")
        .append(CSS)
        .append("</style></head><body>\n");
    h.append("<h1>Scaling sweep report</h1>\n<p class=\"meta\">sweep <code>")
        .append(Html.escape(sweep.dir().toString()))
        .append("</code> &middot; ")
        .append(sweep.runs().size())
        .append(" runs, ")
        .append(points.size())
        .append(" fitted, ")
        .append(excluded.size())
        .append(" excluded &middot; generated ")
        .append(Instant.now().toString(), 0, 19)
        .append(" UTC</p>\n");
    h.append(
        section(
            "budget",
            "Compute-optimal model for " + Html.num(budget) + " FLOPs",
            fit == null ? Html.notAvailable(fitError) : ReportTables.budget(fit, budget)));
    h.append(
        section(
            "prediction",
            "Held-out prediction: a larger run the law was not fitted on",
            prediction(sweep.dir())));
    h.append(
        section(
            "fit",
            "Fitted laws and published values",
            fit == null ? Html.notAvailable(fitError) : ReportTables.parameters(fit)));
    h.append(
        section(
            "loss-vs",
            "Loss against N, D and C",
            fit == null ? Html.notAvailable(fitError) : lossPlots(fit)));
    h.append(
        section(
            "isoflop",
            "IsoFLOP profiles (Chinchilla approach 2)",
            fit == null
                ? Html.notAvailable(fitError)
                : plotOr(
                    Charts.isoFlop(fit.approach2().profiles()),
                    "isoflop",
                    "no compute budget has 3 or more model sizes")));
    h.append(section("curves", "Training and validation loss per run", curvePlots(sweep)));
    h.append(section("runs", "Runs", "<div class=\"wide\">" + ReportTables.runs(sweep) + "</div>"));
    h.append(section("provenance", "Provenance of the data", ReportTables.provenance(sweep)));
    if (!excluded.isEmpty()) {
      notes.add(
          excluded.size()
              + " runs excluded from the fits: "
              + excluded.stream()
                  .map(e -> "runs.csv line " + e.line() + " (" + e.reason() + ")")
                  .toList());
    }
    StringBuilder n = new StringBuilder();
    if (notes.isEmpty()) {
      n.append("<p>Nothing missing.</p>");
    } else {
      n.append("<ul>");
      notes.forEach(s -> n.append("<li>").append(Html.escape(s)).append("</li>"));
      n.append("</ul>");
    }
    h.append(section("notes", "Missing parts and exclusions", n.toString()));
    return h.append("</body></html>\n").toString();
  }

  /**
   * Final points for the fits from runs.csv, and validation curves for approach 1 from
   * metrics.jsonl.
   */
  private static void collect(
      SweepDir.Sweep sweep,
      List<ScalingPoint> points,
      List<PointsCsv.Exclusion> excluded,
      List<EnvelopeFit.Curve> curves,
      List<String> notes) {
    int line = 1;
    for (SweepDir.Run r : sweep.runs()) {
      line++;
      double n = r.get("params"), d = r.get("tokens"), l = r.get("final_val_loss");
      if (!(n > 0 && d > 0 && Double.isFinite(n * d))) {
        excluded.add(new PointsCsv.Exclusion(line, "points.params_or_tokens_not_positive"));
        continue;
      }
      if (!(l > 0) || !Double.isFinite(l)) {
        excluded.add(new PointsCsv.Exclusion(line, PointsCsv.LOSS_NOT_FINITE));
        continue;
      }
      points.add(new ScalingPoint(n, d, l, r.get("budget_flops")));
      List<double[]> tl = new ArrayList<>();
      for (SweepDir.Metric m : sweep.metrics().getOrDefault(r.id(), List.of())) {
        if (m.tokens() > 0 && m.valLoss() > 0 && Double.isFinite(m.valLoss())) {
          tl.add(new double[] {m.tokens(), m.valLoss()});
        }
      }
      tl.add(new double[] {d, l});
      curves.add(new EnvelopeFit.Curve(n, tl));
    }
  }

  private static String prediction(Path sweepDir) {
    Path file = sweepDir.resolve("prediction.json");
    if (!Files.exists(file)) {
      return Html.notAvailable(
          "no prediction.json: the sweep ran without a prediction run "
              + "(sweep.predict.multiplier = 0) or it has not finished");
    }
    try {
      return ReportTables.prediction(
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile()));
    } catch (IOException e) {
      return Html.notAvailable("prediction.json unreadable: " + e.getMessage());
    }
  }

  private static String lossPlots(ScalingFit.Result fit) {
    ScalingLaw law = fit.law();
    String name = "fitted law (" + law.form() + ")";
    double dMax = fit.points().stream().mapToDouble(ScalingPoint::tokens).max().orElseThrow();
    double nMax = fit.points().stream().mapToDouble(ScalingPoint::params).max().orElseThrow();
    List<double[]> byN =
        fit.points().stream().map(p -> new double[] {p.params(), p.loss()}).toList();
    List<double[]> byD =
        fit.points().stream().map(p -> new double[] {p.tokens(), p.loss()}).toList();
    List<double[]> byC =
        fit.points().stream().map(p -> new double[] {p.flops(), p.loss()}).toList();

    List<Charts.Curve> nFits = new ArrayList<>();
    kaplan(fit.kaplanN()).ifPresent(nFits::add);
    nFits.add(
        new Charts.Curve(name + " at D=" + Html.num(dMax), CHINCHILLA, x -> law.loss(x, dMax)));
    List<Charts.Curve> dFits = new ArrayList<>();
    kaplan(fit.kaplanD()).ifPresent(dFits::add);
    dFits.add(
        new Charts.Curve(name + " at N=" + Html.num(nMax), CHINCHILLA, x -> law.loss(nMax, x)));
    List<Charts.Curve> cFits = new ArrayList<>();
    kaplan(fit.kaplanC()).ifPresent(cFits::add);
    cFits.add(
        new Charts.Curve(
            name + " compute-optimal", CHINCHILLA, c -> law.optimalAllocation(c).loss()));

    StringBuilder b = new StringBuilder();
    b.append(
        plotOr(
            Charts.lossVs("Loss vs parameters N", "parameters N (non-embedding)", byN, nFits),
            "loss-n",
            "no runs"));
    b.append(
        plotOr(Charts.lossVs("Loss vs tokens D", "tokens D", byD, dFits), "loss-d", "no runs"));
    b.append(
        plotOr(
            Charts.lossVs("Loss vs compute C = 6ND", "compute C (FLOPs)", byC, cFits),
            "loss-c",
            "no runs"));
    for (Fitted<PowerLaw> f : List.of(fit.kaplanN(), fit.kaplanD(), fit.kaplanC())) {
      if (!f.available()) {
        b.append(Html.notAvailable("a Kaplan power law: " + f.reason()));
      }
    }
    return b.toString();
  }

  private static java.util.Optional<Charts.Curve> kaplan(Fitted<PowerLaw> f) {
    if (!f.available()) {
      return java.util.Optional.empty();
    }
    PowerLaw p = f.value();
    return java.util.Optional.of(
        new Charts.Curve(
            "Kaplan-style L(" + p.variable() + "), alpha=" + Html.num(p.alpha()), KAPLAN, p::loss));
  }

  private static String curvePlots(SweepDir.Sweep sweep) {
    Map<String, List<SweepDir.Metric>> m = sweep.metrics();
    if (m.isEmpty()) {
      return Html.notAvailable("no runs/<run_id>/metrics.jsonl in the sweep");
    }
    String legend =
        m.size() > Charts.MAX_LEGEND
            ? "<p class=\"meta\">One line per run; "
                + m.size()
                + " runs are too many for a legend, the runs table lists them.</p>\n"
            : "";
    return legend
        + plotOr(
            Charts.curves("Training loss", "training loss", m, SweepDir.Metric::trainLoss),
            "train",
            "no train records in metrics.jsonl")
        + plotOr(
            Charts.curves("Validation loss", "validation loss", m, SweepDir.Metric::valLoss),
            "val",
            "no val_loss in metrics.jsonl");
  }

  private static String plotOr(XYChart chart, String id, String missing) {
    if (chart == null) {
      return Html.notAvailable(missing);
    }
    return "<figure id=\"fig-" + id + "\">" + Svg.inline(chart, id) + "</figure>\n";
  }

  private static String section(String id, String title, String body) {
    return "<section id=\""
        + id
        + "\"><h2>"
        + Html.escape(title)
        + "</h2>\n"
        + body
        + "</section>\n";
  }

  static String kaplanScale(PowerLaw p) {
    return p.variable().equals("C")
        ? Html.num(p.scale() / PublishedLaws.PF_DAY) + " PF-days"
        : Html.num(p.scale());
  }

  private static final String CSS =
      String.join(
          "\n",
          "body{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;margin:24px auto;max-width:1100px;",
          "color:#222;line-height:1.4;padding:0 16px}",
          "h1{font-size:1.6em;margin-bottom:4px}h2{font-size:1.25em;border-bottom:1px solid #ddd;padding-bottom:4px;",
          "margin-top:32px}.meta{color:#666;font-size:.9em}",
          "table{border-collapse:collapse;margin:8px 0 16px;font-size:.9em}",
          "th,td{border:1px solid #ddd;padding:4px 8px;text-align:right}th{background:#f3f5f8}",
          "td:first-child,th:first-child{text-align:left}",
          ".na{color:#a33;font-style:italic}.warning{color:#8a4b00;background:#fff4e0;padding:6px 10px}"
              + "figure{margin:8px 0}svg.plot{max-width:100%;height:auto}",
          ".headline{font-size:1.1em}.wide{overflow-x:auto}table.runs{font-size:.8em}",
          "table.drop-table td,table.tokenizer td{text-align:left}");
}
