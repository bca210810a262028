package org.lmforge.analysis.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.lmforge.analysis.scaling.ChinchillaLaw;
import org.lmforge.analysis.scaling.FitJson;
import org.lmforge.analysis.scaling.Fitted;
import org.lmforge.analysis.scaling.KaplanLaw;
import org.lmforge.analysis.scaling.LawSelection;
import org.lmforge.analysis.scaling.OptimalScaling;
import org.lmforge.analysis.scaling.PowerLaw;
import org.lmforge.analysis.scaling.PublishedLaws;
import org.lmforge.analysis.scaling.ScalingFit;
import org.lmforge.analysis.scaling.ScalingLaw;

/** The report's tables: budget prediction, fitted vs published values, runs, provenance. */
final class ReportTables {
  private ReportTables() {}

  static String budget(ScalingFit.Result fit, double budget) {
    ScalingLaw.Allocation a = fit.law().optimalAllocation(budget);
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "fitted law (" + fit.law().form() + ")",
            Html.num(a.params()),
            Html.num(a.tokens()),
            Html.num(a.tokensPerParam()),
            Html.num(a.loss())));
    for (var e :
        Map.of(
                "approach 1 (loss envelope)",
                fit.approach1(),
                "approach 2 (IsoFLOP minima)",
                fit.approach2().scaling())
            .entrySet()
            .stream()
            .sorted(Map.Entry.comparingByKey())
            .toList()) {
      if (e.getValue().available()) {
        OptimalScaling s = e.getValue().value();
        double n = s.params().predict(budget), d = s.tokens().predict(budget);
        rows.add(List.of(e.getKey(), Html.num(n), Html.num(d), Html.num(d / n), "\u2014"));
      } else {
        rows.add(List.of(e.getKey(), "not available", "", "", ""));
      }
    }
    String extrapolation = "";
    double cMax = fit.points().stream().mapToDouble(p -> p.flops()).max().orElse(0);
    if (budget > 10 * cMax) {
      extrapolation =
          "<p>The budget is "
              + Html.num(budget / cMax)
              + "&times; the largest run's compute: this is an "
              + "extrapolation.</p>";
    }
    // an unidentified law's allocation can be a fraction of a parameter: the table shows it, but no
    // sentence recommends it
    String headline =
        fit.unidentifiedExponents().isEmpty()
            ? "Train about <b>"
                + Html.num(a.params())
                + "</b> parameters on <b>"
                + Html.num(a.tokens())
                + "</b> tokens ("
                + Html.num(a.tokensPerParam())
                + " tokens per parameter); "
                + "predicted loss "
                + Html.num(a.loss())
                + "."
            : "No compute-optimal model for this budget: the law is not identified by these runs"
                + " (above), so the table shows what it would give, not a recommendation.";
    return identification(fit)
        + "<p class=\"headline\">"
        + headline
        + "</p>\n"
        + Html.table(
            "budget",
            List.of("estimate", "N_opt", "D_opt", "tokens / parameter", "predicted loss"),
            rows)
        + extrapolation;
  }

  /**
   * A warning when the runs do not pin the exponents down ({@link
   * ScalingFit.Result#identificationWarning}): the report says so where the prediction is made
   * rather than letting a number stand alone.
   */
  static String identification(ScalingFit.Result fit) {
    String warning = fit.identificationWarning();
    return warning.isEmpty() ? "" : "<p class=\"warning\">" + Html.escape(warning) + "</p>\n";
  }

  static String parameters(ScalingFit.Result fit) {
    ChinchillaLaw law = fit.approach3().law();
    ChinchillaLaw pub = ChinchillaLaw.HOFFMANN_2022, refit = ChinchillaLaw.BESIROGLU_2024;
    Map<String, double[]> ci = fit.approach3().intervals();
    List<List<String>> rows = new ArrayList<>();
    rows.add(row3("E", law.E(), ci.get("E"), pub.E(), refit.E()));
    rows.add(row3("A", law.A(), ci.get("A"), pub.A(), refit.A()));
    rows.add(row3("B", law.B(), ci.get("B"), pub.B(), refit.B()));
    rows.add(row3("alpha", law.alpha(), ci.get("alpha"), pub.alpha(), refit.alpha()));
    rows.add(row3("beta", law.beta(), ci.get("beta"), pub.beta(), refit.beta()));
    rows.add(
        row3(
            "a = beta/(alpha+beta)",
            law.nExponent(),
            ci.get("a"),
            pub.nExponent(),
            refit.nExponent()));
    rows.add(
        row3(
            "b = alpha/(alpha+beta)",
            law.dExponent(),
            ci.get("b"),
            pub.dExponent(),
            refit.dExponent()));
    StringBuilder b = new StringBuilder();
    b.append(selection(fit));
    b.append("<h3>Chinchilla approach 3: L(N, D) = E + A/N<sup>alpha</sup> + B/D<sup>beta</sup>")
        .append(chosenMark(fit, ScalingLaw.Family.CHINCHILLA))
        .append("</h3>\n");
    b.append(
        Html.table(
            "fit-params",
            List.of(
                "parameter",
                "this sweep",
                (int) Math.round(100 * fit.options().level()) + "% interval",
                "Hoffmann et al. 2022",
                "Besiroglu et al. 2024 refit"),
            rows));
    b.append("<p class=\"meta\">Huber delta ")
        .append(Html.num(fit.options().huberDelta()))
        .append(", ")
        .append(fit.approach3().localStarts())
        .append(" local starts from a grid of ")
        .append(fit.approach3().gridPoints())
        .append(", ")
        .append(fit.approach3().bootstrapFits())
        .append(" refits, intervals by ")
        .append(FitJson.method(fit.options().resampling()))
        .append(" (")
        .append(fit.points().size())
        .append(" runs). By ")
        .append(FitJson.method(fit.approach3().otherResampling()))
        .append(" instead: ")
        .append(otherIntervals(fit.approach3(), List.of("alpha", "beta", "a")))
        .append(".</p>\n");
    b.append(kaplanJoint(fit));

    List<List<String>> kaplan = new ArrayList<>();
    kaplan.add(rowK("L(N)", fit.kaplanN(), PublishedLaws.KAPLAN_N));
    kaplan.add(rowK("L(D)", fit.kaplanD(), PublishedLaws.KAPLAN_D));
    kaplan.add(rowK("L(C)", fit.kaplanC(), PublishedLaws.KAPLAN_C));
    b.append("<h3>Kaplan-style power laws L(X) = (X<sub>c</sub>/X)<sup>alpha</sup></h3>\n");
    b.append(
        Html.table(
            "kaplan",
            List.of("law", "alpha", "interval", "X_c", "Kaplan et al. 2020 alpha", "Kaplan X_c"),
            kaplan));

    List<List<String>> opt = new ArrayList<>();
    opt.add(
        rowOpt(
            "approach 1",
            fit.approach1(),
            PublishedLaws.CHINCHILLA_A1,
            PublishedLaws.CHINCHILLA_B1));
    opt.add(
        rowOpt(
            "approach 2",
            fit.approach2().scaling(),
            PublishedLaws.CHINCHILLA_A2,
            PublishedLaws.CHINCHILLA_B2));
    opt.add(
        rowLaw(
            "approach 3 (Chinchilla form)" + chosenMark(fit, ScalingLaw.Family.CHINCHILLA),
            fit.approach3(),
            pub));
    if (fit.kaplanJoint() != null) {
      opt.add(
          rowLaw(
              "Kaplan joint form" + chosenMark(fit, ScalingLaw.Family.KAPLAN),
              fit.kaplanJoint(),
              pub));
    }
    b.append(
        "<h3>Compute-optimal allocation, approaches 1, 2 and 3 side by side: N<sub>opt</sub> &prop; "
            + "C<sup>a</sup>, D<sub>opt</sub> &prop; C<sup>b</sup></h3>\n");
    b.append(
        Html.table(
            "allocation",
            List.of("approach", "a", "interval", "b", "interval", "Hoffmann a", "Hoffmann b"),
            opt));
    b.append("<p id=\"identified\">").append(identifiedLine(fit)).append("</p>\n");
    return b.toString();
  }

  /**
   * The held-out check (prediction.json of the sweep): the law's prediction at the prediction run's
   * N and D, with its bootstrap interval, against the run's measured final validation loss; bits
   * per byte likewise.
   */
  static String prediction(com.fasterxml.jackson.databind.JsonNode p) {
    double predicted = p.path("predictedLoss").asDouble(),
        measured = p.path("measuredLoss").asDouble();
    double lo = p.path("low").asDouble(), hi = p.path("high").asDouble();
    boolean inside = measured >= lo && measured <= hi;
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "validation loss (nats/token)",
            Html.num(predicted),
            Html.interval(lo, hi),
            Html.num(measured),
            String.format(
                java.util.Locale.ROOT, "%+.2f%%", 100 * p.path("relativeError").asDouble())));
    double pb = p.path("predictedBitsPerByte").asDouble(),
        mb = p.path("measuredBitsPerByte").asDouble();
    rows.add(
        List.of(
            "bits per byte",
            Html.num(pb),
            Html.interval(pb * lo / predicted, pb * hi / predicted),
            Html.num(mb),
            String.format(java.util.Locale.ROOT, "%+.2f%%", 100 * (mb - pb) / pb)));
    StringBuilder b = new StringBuilder();
    b.append("<p class=\"headline\">Run <code>")
        .append(Html.escape(p.path("runId").asText()))
        .append("</code>, never used in the fit: C = ")
        .append(Html.num(p.path("budget").asDouble()))
        .append(" FLOPs (")
        .append(Html.num(p.path("multiplier").asDouble()))
        .append("&times; the largest fitted budget); the law's N<sub>opt</sub> = ")
        .append(Html.num(p.path("optimalParams").asDouble()))
        .append(", trained at N = ")
        .append(Html.num(p.path("params").asDouble()))
        .append(" (L")
        .append(p.path("nLayer").asInt())
        .append(" d")
        .append(p.path("dModel").asInt())
        .append("), D = ")
        .append(Html.num(p.path("tokens").asDouble()))
        .append(" tokens. Measured loss ")
        .append(inside ? "inside" : "<b>outside</b>")
        .append(" the ")
        .append(Math.round(100 * p.path("level").asDouble()))
        .append("% interval.</p>\n");
    b.append(
        Html.table(
            "prediction",
            List.of(
                "quantity",
                "predicted by the law",
                "interval",
                "measured",
                "measured vs predicted"),
            rows));
    String note = p.path("note").asText("");
    if (!note.isBlank())
      b.append("<p class=\"warning\">").append(Html.escape(note)).append("</p>\n");
    return b.toString();
  }

  /**
   * The law sweep's criteria, stated for the chosen law: its two exponents each with an interval
   * that excludes zero and spans less than a factor of 3; approaches 1 and 2 giving a
   * compute-optimal exponent a within 0.15 of the parametric law's.
   */
  static String identifiedLine(ScalingFit.Result fit) {
    List<String> parts = new ArrayList<>();
    for (String k : fit.law().exponentNames()) {
      double[] iv = fit.selected().intervals().get(k);
      boolean ok = iv != null && iv[0] > 0 && iv[1] / iv[0] < 3;
      parts.add(
          k
              + (ok ? " identified" : " NOT identified")
              + " (interval "
              + (iv == null
                  ? "none"
                  : Html.interval(iv[0], iv[1]) + ", ratio " + Html.num(iv[1] / iv[0]))
              + ")");
    }
    double a3 = fit.law().nExponent();
    for (var e :
        List.of(
            java.util.Map.entry("approach 1", fit.approach1()),
            java.util.Map.entry("approach 2", fit.approach2().scaling()))) {
      Fitted<OptimalScaling> f = e.getValue();
      parts.add(
          e.getKey()
              + (f.available()
                  ? String.format(
                      java.util.Locale.ROOT,
                      " a = %.3f, %s the fitted law's %.3f (|diff| %.3f, limit 0.15)",
                      f.value().a(),
                      Math.abs(f.value().a() - a3) <= 0.15 ? "agrees with" : "DISAGREES with",
                      a3,
                      Math.abs(f.value().a() - a3))
                  : " not available"));
    }
    return "Criteria for the fitted law ("
        + fit.law().form()
        + " form; 95% intervals excluding 0 and spanning less "
        + "than 3x; a within 0.15 across approaches): "
        + Html.escape(String.join("; ", parts))
        + ".";
  }

  /**
   * Which form the predictions use and why (the forecast of the largest budget from the smaller
   * ones).
   */
  static String selection(ScalingFit.Result fit) {
    LawSelection s = fit.selection();
    StringBuilder b =
        new StringBuilder("<p id=\"law-selection\">Predictions use the <b>")
            .append(Html.escape(fit.law().form()))
            .append("</b> form, ")
            .append(Html.escape(fit.law().formula()))
            .append(": ")
            .append(Html.escape(s.reason()))
            .append(".");
    return b.append("</p>\n").toString();
  }

  /** Kaplan et al. 2020's joint law fitted to the same runs, beside their published values. */
  static String kaplanJoint(ScalingFit.Result fit) {
    if (fit.kaplanJoint() == null) {
      return Html.notAvailable("Kaplan's joint law: " + fit.selection().reason());
    }
    KaplanLaw law = fit.kaplanJoint().law();
    KaplanLaw pub = KaplanLaw.KAPLAN_2020;
    Map<String, double[]> ci = fit.kaplanJoint().intervals();
    List<List<String>> rows = new ArrayList<>();
    Map<String, Double> published = pub.parameters();
    law.parameters()
        .forEach(
            (k, v) -> {
              double[] iv = ci.get(k);
              rows.add(
                  List.of(
                      k,
                      Html.num(v),
                      iv == null ? "\u2014" : Html.interval(iv[0], iv[1]),
                      Html.num(published.get(k))));
            });
    double[] ia = ci.get("a");
    rows.add(
        List.of(
            "a = alpha_D/(alpha_N+alpha_D)",
            Html.num(law.nExponent()),
            ia == null ? "\u2014" : Html.interval(ia[0], ia[1]),
            Html.num(pub.nExponent())));
    return "<h3>Kaplan et al. 2020 joint law: L(N, D) = ((N<sub>c</sub>/N)<sup>alpha_N/alpha_D</sup> + "
        + "D<sub>c</sub>/D)<sup>alpha_D</sup>"
        + chosenMark(fit, ScalingLaw.Family.KAPLAN)
        + "</h3>\n"
        + Html.table(
            "fit-kaplan-joint",
            List.of(
                "parameter",
                "this sweep",
                (int) Math.round(100 * fit.options().level()) + "% interval",
                "Kaplan et al. 2020 (eq. 1.5)"),
            rows)
        + "<p class=\"meta\">Same objective, optimiser and bootstrap as approach 3. By "
        + FitJson.method(fit.kaplanJoint().otherResampling())
        + " instead: "
        + otherIntervals(fit.kaplanJoint(), List.of("alpha_N", "alpha_D", "a"))
        + ".</p>\n";
  }

  private static String chosenMark(ScalingFit.Result fit, ScalingLaw.Family form) {
    return fit.law().family() == form ? " (used for predictions)" : "";
  }

  private static List<String> rowLaw(
      String name, org.lmforge.analysis.scaling.LawFitter.Result<?> r, ChinchillaLaw pub) {
    double[] ia = r.intervals().get("a"), ib = r.intervals().get("b");
    return List.of(
        name,
        Html.num(r.law().nExponent()),
        ia == null ? "\u2014" : Html.interval(ia[0], ia[1]),
        Html.num(r.law().dExponent()),
        ib == null ? "\u2014" : Html.interval(ib[0], ib[1]),
        Html.num(pub.nExponent()),
        Html.num(pub.dExponent()));
  }

  /**
   * The exponents and a by the other resampling, so a reader sees how much the interval depends on
   * the method.
   */
  private static String otherIntervals(
      org.lmforge.analysis.scaling.LawFitter.Result<?> r, List<String> keys) {
    List<String> parts = new ArrayList<>();
    for (String k : keys) {
      double[] iv = r.otherIntervals().get(k);
      parts.add(k + " " + (iv == null ? "\u2014" : Html.interval(iv[0], iv[1])));
    }
    return String.join(", ", parts);
  }

  private static List<String> row3(String name, double v, double[] ci, double pub, double refit) {
    return List.of(
        name,
        Html.num(v),
        ci == null ? "\u2014" : Html.interval(ci[0], ci[1]),
        Html.num(pub),
        Html.num(refit));
  }

  private static List<String> rowK(String name, Fitted<PowerLaw> f, PublishedLaws.Kaplan pub) {
    String published = Html.num(pub.scale()) + " " + pub.unit();
    if (!f.available()) {
      return List.of(
          name, "not available: " + f.reason(), "", "", Html.num(pub.alpha()), published);
    }
    PowerLaw p = f.value();
    return List.of(
        name,
        Html.num(p.alpha()),
        Html.interval(p.alphaLow(), p.alphaHigh()),
        Report.kaplanScale(p),
        Html.num(pub.alpha()),
        published);
  }

  private static List<String> rowOpt(String name, Fitted<OptimalScaling> f, double a, double b) {
    if (!f.available()) {
      return List.of(name, "not available: " + f.reason(), "", "", "", Html.num(a), Html.num(b));
    }
    OptimalScaling s = f.value();
    return List.of(
        name,
        Html.num(s.a()),
        Html.interval(s.params().slopeLow(), s.params().slopeHigh()),
        Html.num(s.b()),
        Html.interval(s.tokens().slopeLow(), s.tokens().slopeHigh()),
        Html.num(a),
        Html.num(b));
  }

  static String runs(SweepDir.Sweep sweep) {
    List<String> header = new ArrayList<>(List.of("run_id"));
    for (String c : SweepDir.RUN_COLUMNS.subList(1, SweepDir.RUN_COLUMNS.size())) {
      if (sweep.runs().stream().anyMatch(r -> r.values().containsKey(c))) {
        header.add(c);
      }
    }
    List<List<String>> rows = new ArrayList<>();
    for (SweepDir.Run r : sweep.runs()) {
      List<String> row = new ArrayList<>(List.of(r.id()));
      for (String c : header.subList(1, header.size())) {
        row.add(Html.num(r.get(c)));
      }
      rows.add(row);
    }
    return Html.table("runs", header, rows);
  }

  static String provenance(SweepDir.Sweep sweep) {
    StringBuilder b = new StringBuilder("<h3>Tokenizer</h3>\n");
    JsonNode t = sweep.tokenizer();
    if (t == null) {
      b.append(Html.notAvailable("no provenance/tokenizer.json"));
    } else {
      List<List<String>> rows = new ArrayList<>();
      for (String k : List.of("name", "vocab_size", "bytes_per_token")) {
        JsonNode v = t.get(k);
        rows.add(
            List.of(
                k,
                v == null
                    ? "not available"
                    : v.isNumber() ? Html.count(v.asDouble()) : v.asText()));
      }
      b.append(Html.table("tokenizer", List.of("field", "value"), rows));
    }
    b.append("<h3>Corpus statistics (clean job)</h3>\n");
    JsonNode c = sweep.cleanStats();
    if (c == null) {
      b.append(Html.notAvailable("no provenance/clean-stats.json"));
      return b.toString();
    }
    List<List<String>> counters = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isNumber()) {
        counters.add(List.of(e.getKey(), Html.count(e.getValue().asDouble())));
      }
    }
    b.append(
        counters.isEmpty()
            ? Html.notAvailable("clean-stats.json has no top-level numeric counters")
            : Html.table("counters", List.of("counter", "value"), counters));
    b.append("<h3>Drop table</h3>\n");
    JsonNode drops = c.get("dropTable"); // the clean job's stats.json: [{stage, reason, documents}]
    if (drops == null || !drops.isArray() || drops.isEmpty()) {
      b.append(Html.notAvailable("clean-stats.json has no dropTable array"));
    } else {
      List<List<String>> rows = new ArrayList<>();
      for (JsonNode d : drops) {
        rows.add(
            List.of(
                d.path("stage").asText("?"),
                d.path("reason").asText("?"),
                d.path("documents").isNumber() ? Html.count(d.path("documents").asDouble()) : "?"));
      }
      b.append(Html.table("drop-table", List.of("stage", "reason", "documents"), rows));
    }
    return b.toString();
  }
}
