package org.lmforge.analysis.scaling;

/**
 * One training run (or one checkpoint of a run) as the fits see it.
 *
 * @param params model parameters N (non-embedding, as in Kaplan et al. and Chinchilla)
 * @param tokens training tokens D seen by the run
 * @param loss validation loss in nats per token
 * @param budget the compute budget (FLOPs) the run was planned for, which groups runs into IsoFLOP
 *     profiles; NaN when unknown, and then 6ND stands in for it
 */
public record ScalingPoint(double params, double tokens, double loss, double budget) {

  public ScalingPoint(double params, double tokens, double loss) {
    this(params, tokens, loss, Double.NaN);
  }

  /**
   * Training compute in FLOPs with the usual 6ND approximation (Kaplan et al. 2020, section 2.1).
   */
  public double flops() {
    return 6.0 * params * tokens;
  }

  /** The planned budget when known, else 6ND. */
  public double budgetOrFlops() {
    return Double.isNaN(budget) ? flops() : budget;
  }
}
