package org.lmforge.pipeline.scaling;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * All scaling-law fits of one table of runs: Chinchilla approach 3 with bootstrap intervals and the
 * compute-optimal allocation it implies, Kaplan's L(N), L(D), L(C), and Chinchilla approaches 1 and 2 when
 * the data allows them.
 *
 * <p>Entry points: {@link #fitCsv} for {@code bin/pipeline fit-scaling}, {@link #fit} for the report.
 */
public final class ScalingFit {
  /** E, A, B, alpha, beta. */
  static final int PARAMETERS = 5;
  /** Distinct model sizes and token counts needed to separate E from the A and B terms. */
  static final int MIN_DISTINCT = 3;

  private ScalingFit() {}

  /** Everything fitted, with the runs used and the runs excluded. */
  public record Result(List<ScalingPoint> points, List<PointsCsv.Exclusion> excluded, FitOptions options,
                       ChinchillaFitter.Result approach3, List<ChinchillaLaw.Allocation> allocations,
                       Fitted<PowerLaw> kaplanN, Fitted<PowerLaw> kaplanD, Fitted<PowerLaw> kaplanC,
                       Fitted<OptimalScaling> approach1, IsoFlopFit.Result approach2) {

    public ChinchillaLaw law() {
      return approach3.law();
    }
  }

  /** Reads {@code in} (see {@link PointsCsv}), fits, writes the JSON to {@code out} and returns the fit. */
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
   * Fits final points; {@code curves} (one per run, may be null) feed approach 1 and the L(C) frontier with
   * whole training curves instead of final points only.
   */
  public static Result fit(List<ScalingPoint> points, List<PointsCsv.Exclusion> excluded,
                           List<EnvelopeFit.Curve> curves, FitOptions options) {
    validate(points, excluded.size());
    double level = options.level();
    ChinchillaFitter.Result a3 = ChinchillaFitter.fit(points, options);
    List<ChinchillaLaw.Allocation> allocations = new ArrayList<>();
    for (double c : options.budgets()) {
      allocations.add(a3.law().optimalAllocation(c));
    }
    List<EnvelopeFit.Curve> envelopeInput = curves;
    List<ScalingPoint> computePoints = points;
    if (curves == null || curves.isEmpty()) {
      envelopeInput = points.stream()
          .map(p -> new EnvelopeFit.Curve(p.params(), List.of(new double[] {p.tokens(), p.loss()}))).toList();
    } else {
      computePoints = new ArrayList<>();
      for (EnvelopeFit.Curve c : curves) {
        for (double[] tl : c.tokensLoss()) {
          computePoints.add(new ScalingPoint(c.params(), tl[0], tl[1]));
        }
      }
    }
    return new Result(List.copyOf(points), List.copyOf(excluded), options, a3, allocations,
        KaplanFits.lossVsParams(points, level), KaplanFits.lossVsTokens(points, level),
        KaplanFits.lossVsCompute(computePoints, level), EnvelopeFit.fit(envelopeInput, level),
        IsoFlopFit.fit(points, level));
  }

  private static void validate(List<ScalingPoint> points, int excluded) {
    String after = excluded == 0 ? "" : " after excluding " + excluded + " runs with a non-finite loss";
    if (points.size() <= PARAMETERS) {
      throw new IllegalArgumentException(points.size() + " runs" + after + ", but approach 3 fits " + PARAMETERS
          + " parameters (E, A, B, alpha, beta): give at least " + (PARAMETERS + 1) + " runs");
    }
    for (ScalingPoint p : points) {
      if (!(p.params() > 0 && p.tokens() > 0 && p.loss() > 0) || !Double.isFinite(p.params() * p.tokens() * p.loss())) {
        throw new IllegalArgumentException("run " + p + ": params, tokens and loss must be positive finite numbers");
      }
    }
    long sizes = points.stream().mapToDouble(ScalingPoint::params).distinct().count();
    long lengths = points.stream().mapToDouble(ScalingPoint::tokens).distinct().count();
    if (sizes < MIN_DISTINCT || lengths < MIN_DISTINCT) {
      throw new IllegalArgumentException(sizes + " distinct model sizes and " + lengths + " distinct token counts"
          + after + "; approach 3 needs at least " + MIN_DISTINCT + " of each to separate E from A/N^alpha and"
          + " B/D^beta: add runs that vary the one that is short");
    }
  }
}
