package org.lmforge.analysis.scaling;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * All scaling-law fits of one table of runs: two parametric laws with bootstrap intervals
 * (Chinchilla approach 3 and Kaplan's joint L(N, D)), the one chosen for predictions ({@link
 * LawSelection}) and the compute-optimal allocation it implies, Kaplan's L(N), L(D), L(C), and
 * Chinchilla approaches 1 and 2 when the data allows them.
 *
 * <p>Entry points: {@link #fitCsv} for {@code bin/pipeline fit-scaling}, {@link #fit} for the
 * report.
 */
public final class ScalingFit {
  /** E, A, B, alpha, beta. */
  static final int PARAMETERS = 5;

  /** Distinct model sizes and token counts needed to separate E from the A and B terms. */
  static final int MIN_DISTINCT = 3;

  /** The widest exponent interval (high / low) that still counts as pinned down by the runs. */
  public static final double IDENTIFIED_SPAN = 10;

  private ScalingFit() {}

  /**
   * Everything fitted, with the runs used and the runs excluded. {@code kaplanJoint} is null when
   * that fit did not converge; the selection then says why and Chinchilla's form is used.
   */
  public record Result(
      List<ScalingPoint> points,
      List<PointsCsv.Exclusion> excluded,
      FitOptions options,
      LawFitter.Result<ChinchillaLaw> approach3,
      LawFitter.Result<KaplanLaw> kaplanJoint,
      LawSelection selection,
      Fitted<PowerLaw> kaplanN,
      Fitted<PowerLaw> kaplanD,
      Fitted<PowerLaw> kaplanC,
      Fitted<OptimalScaling> approach1,
      IsoFlopFit.Result approach2) {

    /** The fit of the chosen form: what predictions, allocations and the held-out check use. */
    public LawFitter.Result<? extends ScalingLaw> selected() {
      return selection.chosen().equals(ScalingLaw.Family.KAPLAN.id()) ? kaplanJoint : approach3;
    }

    /** The chosen law. */
    public ScalingLaw law() {
      return selected().law();
    }

    /**
     * The chosen law's exponents these runs do not pin down: an interval that reaches zero, spans
     * more than a factor of {@link #IDENTIFIED_SPAN} or could not be computed (typical of a sweep
     * whose runs are all data-starved, so the smallest model wins at every budget). When any is,
     * the law and every prediction from it are not to be trusted.
     */
    public List<String> unidentifiedExponents() {
      List<String> loose = new ArrayList<>();
      for (String k : law().exponentNames()) {
        double[] iv = selected().intervals().get(k);
        if (iv == null || !(iv[0] > 0) || iv[1] / iv[0] > IDENTIFIED_SPAN) loose.add(k);
      }
      return loose;
    }

    /**
     * What the console and the report say when {@link #unidentifiedExponents} is not empty, naming
     * each exponent with its interval; "" when the runs pin the law down.
     */
    public String identificationWarning() {
      List<String> loose = new ArrayList<>();
      List<String> negative = new ArrayList<>(); // whole interval at or below zero
      for (String k : unidentifiedExponents()) {
        double[] iv = selected().intervals().get(k);
        loose.add(
            iv == null
                ? k + " (no interval)"
                : String.format(java.util.Locale.ROOT, "%s [%.3g, %.3g]", k, iv[0], iv[1]));
        if (iv != null && iv[1] <= 0) negative.add(k);
      }
      if (loose.isEmpty()) return "";
      if (!negative.isEmpty()) { // the law's form assumes loss falls; here it does not
        return "Not identified by these runs: "
            + String.join(", ", loose)
            + ". "
            + String.join(" and ", negative)
            + (negative.size() == 1 ? " is" : " are")
            + " at most zero: in these runs the loss does not fall as "
            + (negative.size() == 1 ? "its term's variable grows" : "their terms' variables grow")
            + ", which the "
            + law().form()
            + " law cannot describe, so the fit and every prediction from it are meaningless. Check"
            + " the table: swapped columns, or losses measured on different validation sets or"
            + " tokenizers.";
      }
      return "Not identified by these runs: "
          + String.join(", ", loose)
          + ". The intervals reach zero or span more than a factor of "
          + (int) IDENTIFIED_SPAN
          + ", so the fitted "
          + law().form()
          + " law and every prediction from it are unreliable. Typical cause: runs too few or too"
          + " short (every run data-starved, so the smallest model wins at every budget); add"
          + " budgets where the IsoFLOP profiles bend.";
    }

    /** The chosen law's compute-optimal split at each of the options' budgets. */
    public List<ScalingLaw.Allocation> allocations() {
      return java.util.Arrays.stream(options.budgets()).mapToObj(law()::optimalAllocation).toList();
    }
  }

  /**
   * Reads {@code in} (see {@link PointsCsv}), fits, writes the JSON to {@code out} and returns the
   * fit.
   */
  public static Result fitCsv(Path in, Path out, FitOptions options) {
    PointsCsv.Table table = PointsCsv.read(in);
    Result result;
    try {
      result = fit(table.points(), table.excluded(), null, options);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(in + ": " + e.getMessage(), e);
    }
    FitJson.write(result, in.toString(), out);
    return result;
  }

  /**
   * Fits final points; {@code curves} (one per run, may be null) feed approach 1 and the L(C)
   * frontier with whole training curves instead of final points only.
   */
  public static Result fit(
      List<ScalingPoint> points,
      List<PointsCsv.Exclusion> excluded,
      List<EnvelopeFit.Curve> curves,
      FitOptions options) {
    validate(points, excluded.size());
    double level = options.level();
    LawFitter.Result<ChinchillaLaw> a3 = LawFitter.chinchilla(points, options);
    LawFitter.Result<KaplanLaw> joint;
    LawSelection selection;
    try {
      joint = LawFitter.kaplan(points, options);
      selection = LawSelection.select(points, options);
    } catch (IllegalStateException e) {
      // the second form is a comparison: its failure must not cost the user the Chinchilla fit
      joint = null;
      selection =
          new LawSelection(
              ScalingLaw.Family.CHINCHILLA.id(),
              Double.NaN,
              0,
              java.util.Map.of(),
              "the Kaplan joint form could not be fitted (" + e.getMessage() + ")");
    }
    List<EnvelopeFit.Curve> envelopeInput = curves;
    List<ScalingPoint> computePoints = points;
    if (curves == null || curves.isEmpty()) {
      envelopeInput =
          points.stream()
              .map(
                  p ->
                      new EnvelopeFit.Curve(
                          p.params(), List.of(new double[] {p.tokens(), p.loss()})))
              .toList();
    } else {
      computePoints = new ArrayList<>();
      for (EnvelopeFit.Curve c : curves) {
        for (double[] tl : c.tokensLoss()) {
          computePoints.add(new ScalingPoint(c.params(), tl[0], tl[1]));
        }
      }
    }
    return new Result(
        List.copyOf(points),
        List.copyOf(excluded),
        options,
        a3,
        joint,
        selection,
        KaplanFits.lossVsParams(points, level),
        KaplanFits.lossVsTokens(points, level),
        KaplanFits.lossVsCompute(computePoints, level),
        EnvelopeFit.fit(envelopeInput, level),
        IsoFlopFit.fit(points, level));
  }

  private static void validate(List<ScalingPoint> points, int excluded) {
    String after =
        excluded == 0 ? "" : " after excluding " + excluded + " runs with a non-finite loss";
    String problem = problem(points, after);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** Why these runs cannot be fitted, or null when they can. */
  static String problem(List<ScalingPoint> points, String after) {
    if (points.size() <= PARAMETERS) {
      return points.size()
          + " runs"
          + after
          + ", but approach 3 fits "
          + PARAMETERS
          + " parameters (E, A, B, alpha, beta): give at least "
          + (PARAMETERS + 1)
          + " runs";
    }
    for (ScalingPoint p : points) {
      if (!(p.params() > 0 && p.tokens() > 0 && p.loss() > 0)
          || !Double.isFinite(p.params() * p.tokens() * p.loss())) {
        return "run " + p + ": params, tokens and loss must be positive finite numbers";
      }
    }
    long sizes = points.stream().mapToDouble(ScalingPoint::params).distinct().count();
    long lengths = points.stream().mapToDouble(ScalingPoint::tokens).distinct().count();
    if (sizes < MIN_DISTINCT || lengths < MIN_DISTINCT) {
      return sizes
          + " distinct model sizes and "
          + lengths
          + " distinct token counts"
          + after
          + "; approach 3 needs at least "
          + MIN_DISTINCT
          + " of each to separate E from A/N^alpha and"
          + " B/D^beta: add runs that vary the one that is short";
    }
    return null;
  }
}
