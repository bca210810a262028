package org.lmforge.analysis.scaling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which parametric form the sweep's predictions use, chosen the way the law will be used: refit
 * each form on the runs below the largest budget and forecast the largest budget's runs; the form
 * with the smaller root-mean-square relative error wins. Chinchilla's additive E + A/N^alpha +
 * B/D^beta and Kaplan's joint form disagree most on how much a larger model gains from more data,
 * which is exactly what a forecast at a larger budget tests.
 *
 * @param chosen the form used, as its {@link ScalingLaw.Family#id}: "chinchilla" or "kaplan"
 * @param heldOutFlops the budget whose runs were forecast (NaN when no comparison was possible)
 * @param heldOutRuns how many runs it has
 * @param forecastError RMS relative error of each form's forecast of those runs
 * @param reason why this form, in a sentence
 */
public record LawSelection(
    String chosen,
    double heldOutFlops,
    int heldOutRuns,
    Map<String, Double> forecastError,
    String reason) {

  /**
   * A budget's runs count as the largest budget's when their compute is within this factor of it.
   */
  static final double SAME_BUDGET = 1.5;

  private static final String CHINCHILLA = ScalingLaw.Family.CHINCHILLA.id();
  private static final String KAPLAN = ScalingLaw.Family.KAPLAN.id();

  static LawSelection select(List<ScalingPoint> points, FitOptions options) {
    if (options.law() != FitOptions.Law.AUTO) {
      String form = options.law().name().toLowerCase(Locale.ROOT);
      return new LawSelection(
          form, Double.NaN, 0, Map.of(), "chosen by the fit options (law = " + form + ")");
    }
    double largest = points.stream().mapToDouble(ScalingPoint::budgetOrFlops).max().orElseThrow();
    List<ScalingPoint> fitted =
        points.stream().filter(p -> p.budgetOrFlops() < largest / SAME_BUDGET).toList();
    List<ScalingPoint> heldOut =
        points.stream().filter(p -> p.budgetOrFlops() >= largest / SAME_BUDGET).toList();
    String problem = ScalingFit.problem(fitted, "");
    if (problem != null) {
      return new LawSelection(
          CHINCHILLA,
          largest,
          heldOut.size(),
          Map.of(),
          "no forecast check possible below "
              + "the largest budget ("
              + problem
              + "); Chinchilla approach 3 is used, as published");
    }
    FitOptions quick = options.withBootstrap(0);
    Map<String, Double> error = new LinkedHashMap<>();
    error.put(CHINCHILLA, forecastError(LawFitter.chinchilla(fitted, quick).law(), heldOut));
    try {
      error.put(KAPLAN, forecastError(LawFitter.kaplan(fitted, quick).law(), heldOut));
    } catch (IllegalStateException e) {
      return new LawSelection(
          CHINCHILLA,
          largest,
          heldOut.size(),
          error,
          "the Kaplan form could not be fitted "
              + "below the largest budget ("
              + e.getMessage()
              + ")");
    }
    String chosen = error.get(KAPLAN) < error.get(CHINCHILLA) ? KAPLAN : CHINCHILLA;
    return new LawSelection(
        chosen,
        largest,
        heldOut.size(),
        error,
        String.format(
            Locale.ROOT,
            "fitted on the %d runs below C = %.3g, the %s form forecast that budget's %d runs with an RMS error of "
                + "%.2f%% against %.2f%%",
            fitted.size(),
            largest,
            chosen,
            heldOut.size(),
            100 * error.get(chosen),
            100 * error.get(chosen.equals(KAPLAN) ? CHINCHILLA : KAPLAN)));
  }

  private static double forecastError(ScalingLaw law, List<ScalingPoint> runs) {
    double sum = 0;
    for (ScalingPoint p : runs) {
      double e = (p.loss() - law.loss(p.params(), p.tokens())) / law.loss(p.params(), p.tokens());
      sum += e * e;
    }
    double rms = Math.sqrt(sum / runs.size());
    return Double.isFinite(rms) ? rms : Double.POSITIVE_INFINITY;
  }
}
