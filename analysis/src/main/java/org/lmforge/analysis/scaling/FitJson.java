package org.lmforge.analysis.scaling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.lmforge.config.LocalFiles;

/**
 * The JSON form of a {@link ScalingFit.Result}: {@code law} (the form the predictions use and why),
 * approach 3 as top-level {@code E, A, B, alpha, beta} with intervals under {@code ci}, Kaplan's
 * joint law under {@code kaplan_joint}, then {@code compute_optimal} (of the chosen law), {@code
 * kaplan}, {@code approach1}, {@code approach2}, the exclusions and the method. NaN (an interval
 * that cannot be computed) is null. docs/scaling.md lists every key.
 */
public final class FitJson {
  private FitJson() {}

  public static Map<String, Object> toMap(ScalingFit.Result r, String input) {
    ChinchillaLaw law = r.approach3().law();
    ScalingLaw chosen = r.law();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("input", input);
    Map<String, Object> selected = new LinkedHashMap<>();
    selected.put("form", chosen.form());
    selected.put("formula", chosen.formula());
    selected.put("exponents", chosen.exponentNames());
    List<String> unidentified = r.unidentifiedExponents();
    selected.put("identified", unidentified.isEmpty());
    selected.put("unidentified_exponents", unidentified);
    LawSelection sel = r.selection();
    Map<String, Object> why = new LinkedHashMap<>();
    why.put("held_out_flops", num(sel.heldOutFlops()));
    why.put("held_out_runs", sel.heldOutRuns());
    why.put("forecast_rms_relative_error", sel.forecastError());
    why.put("reason", sel.reason());
    selected.put("selection", why);
    m.put("law", selected);
    m.put("runs_used", r.points().size());
    Map<String, Object> excluded = new LinkedHashMap<>();
    excluded.put("count", r.excluded().size());
    excluded.put(
        "rows",
        r.excluded().stream().map(e -> Map.of("line", e.line(), "reason", e.reason())).toList());
    m.put("excluded", excluded);
    law.parameters().forEach((key, v) -> m.put(key, num(v)));
    Map<String, Object> ci = new LinkedHashMap<>();
    ci.put("level", r.options().level());
    ci.put("method", method(r.options().resampling()));
    ci.put("resamples", r.approach3().bootstrapFits());
    ci.putAll(intervals(r.approach3().intervals()));
    m.put("ci", ci);
    Map<String, Object> other = new LinkedHashMap<>();
    other.put("method", method(r.approach3().otherResampling()));
    other.putAll(intervals(r.approach3().otherIntervals()));
    m.put("ci_other_resampling", other);
    m.put("huber_objective", r.approach3().objective());

    LawFitter.Result<KaplanLaw> joint = r.kaplanJoint();
    Map<String, Object> k = new LinkedHashMap<>();
    k.put("available", joint != null);
    if (joint == null) {
      k.put("reason", r.selection().reason());
    } else {
      k.put("formula", joint.law().formula());
      joint.law().parameters().forEach((key, v) -> k.put(key, num(v)));
      k.put("a", joint.law().nExponent());
      k.put("b", joint.law().dExponent());
      k.put("ci", intervals(joint.intervals()));
      k.put("ci_other_resampling", intervals(joint.otherIntervals()));
      k.put("huber_objective", joint.objective());
    }
    m.put("kaplan_joint", k);

    Map<String, Object> opt = new LinkedHashMap<>();
    opt.put("law", chosen.form());
    opt.put("a", chosen.nExponent());
    opt.put("b", chosen.dExponent());
    if (chosen instanceof ChinchillaLaw c) {
      opt.put("G", c.g());
      opt.put(
          "formula",
          "N_opt = G (C/6)^a, D_opt = (C/6)^b / G, G = (alpha A / (beta B))^(1/(alpha+beta))");
    } else {
      opt.put(
          "formula",
          "N_opt^(p+1) = p N_c^p C / (6 D_c), p = alpha_N / alpha_D; D_opt = C / (6 N_opt)");
    }
    List<Object> budgets = new ArrayList<>();
    for (ScalingLaw.Allocation a : r.allocations()) {
      budgets.add(allocation(a));
    }
    opt.put("budgets", budgets);
    m.put("compute_optimal", opt);

    Map<String, Object> kaplan = new LinkedHashMap<>();
    kaplan.put("L_N", powerLaw(r.kaplanN()));
    kaplan.put("L_D", powerLaw(r.kaplanD()));
    kaplan.put("L_C", powerLaw(r.kaplanC()));
    m.put("kaplan", kaplan);
    m.put("approach1", optimalScaling(r.approach1()));
    Map<String, Object> a2 = optimalScaling(r.approach2().scaling());
    List<Object> profiles = new ArrayList<>();
    for (IsoFlopFit.Profile p : r.approach2().profiles()) {
      Map<String, Object> pm = new LinkedHashMap<>();
      pm.put("flops", p.flops());
      pm.put("runs", p.points().size());
      pm.put("params_opt", num(p.paramsOpt()));
      pm.put("loss_opt", num(p.lossOpt()));
      pm.put("rejected", p.rejected());
      profiles.add(pm);
    }
    a2.put("profiles", profiles);
    m.put("approach2", a2);

    Map<String, Object> method = new LinkedHashMap<>();
    method.put("objective", r.approach3().objectiveText());
    method.put("objective_kaplan_joint", KaplanForm.INSTANCE.objective());
    method.put("huber_delta", r.options().huberDelta());
    method.put(
        "optimizer",
        "Hipparchus 3.1 NonLinearConjugateGradientOptimizer (Polak-Ribiere), "
            + "Gauss-Newton preconditioner");
    method.put("grid_points", r.approach3().gridPoints());
    method.put("local_starts", r.approach3().localStarts());
    method.put("converged_starts", r.approach3().converged());
    method.put("seed", r.options().seed());
    m.put("method", method);
    return m;
  }

  public static void write(ScalingFit.Result r, String input, Path out) {
    try {
      LocalFiles.replace(
          out,
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsBytes(toMap(r, input)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> allocation(ScalingLaw.Allocation a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("flops", a.flops());
    m.put("N_opt", a.params());
    m.put("D_opt", a.tokens());
    m.put("tokens_per_param", a.tokensPerParam());
    m.put("loss", a.loss());
    return m;
  }

  /**
   * {@code available}, and the {@code reason} when a fit is not: the first keys of every optional
   * fit; then, when it is, the keys {@code fields} writes for its value.
   */
  private static <T> Map<String, Object> optional(
      Fitted<T> f, BiConsumer<Map<String, Object>, T> fields) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("available", f.available());
    if (f.available()) {
      fields.accept(m, f.value());
    } else {
      m.put("reason", f.reason());
    }
    return m;
  }

  private static Map<String, Object> powerLaw(Fitted<PowerLaw> f) {
    return optional(
        f,
        (m, p) -> {
          m.put("form", "L = (X_c / X)^alpha");
          m.put("alpha", p.alpha());
          m.put("alpha_ci", interval(p.alphaLow(), p.alphaHigh()));
          m.put("X_c", p.scale());
          if (p.variable().equals("C")) {
            m.put("X_c_pf_days", p.scale() / PublishedLaws.PF_DAY);
          }
          m.put("r2", p.r2());
          m.put("points", p.points().size());
        });
  }

  private static Map<String, Object> optimalScaling(Fitted<OptimalScaling> f) {
    return optional(
        f,
        (m, s) -> {
          m.put("a", s.a());
          m.put("a_ci", interval(s.params().slopeLow(), s.params().slopeHigh()));
          m.put("b", s.b());
          m.put("b_ci", interval(s.tokens().slopeLow(), s.tokens().slopeHigh()));
          m.put("points", s.optima().size());
        });
  }

  private static Map<String, Object> intervals(Map<String, double[]> ci) {
    Map<String, Object> m = new LinkedHashMap<>();
    ci.forEach((key, v) -> m.put(key, interval(v[0], v[1])));
    return m;
  }

  /** [low, high], each as {@link #num} writes it. */
  private static List<Double> interval(double low, double high) {
    return java.util.Arrays.asList(num(low), num(high));
  }

  private static Double num(double v) {
    return Double.isFinite(v) ? v : null;
  }

  /** How an interval was resampled, as fit.json and the report name it. */
  public static String method(FitOptions.Resampling how) {
    return how == FitOptions.Resampling.RESIDUALS
        ? "percentile bootstrap of residuals at the planned (N, D) points"
        : "percentile bootstrap over runs";
  }
}
