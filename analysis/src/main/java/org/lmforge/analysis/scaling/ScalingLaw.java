package org.lmforge.analysis.scaling;

import java.util.List;
import java.util.Map;

/**
 * A parametric loss L(N, D) fitted to a sweep, and the compute-optimal split of a budget C = 6ND it
 * implies. Two forms are fitted to every sweep ({@link ChinchillaLaw}, {@link KaplanLaw}); {@link
 * LawSelection} says which one the sweep's predictions use.
 */
public sealed interface ScalingLaw permits ChinchillaLaw, KaplanLaw {

  /** Short name of the form, as fit.json and the report write it. */
  String form();

  /** The formula with this form's parameter names. */
  String formula();

  /** Predicted loss for N parameters trained on D tokens. */
  double loss(double n, double d);

  /** The loss-minimising split of a compute budget (FLOPs) into parameters and tokens. */
  Allocation optimalAllocation(double flops);

  /** Exponent a in N_opt proportional to C^a. */
  double nExponent();

  /** Exponent b in D_opt proportional to C^b (a + b = 1). */
  default double dExponent() {
    return 1 - nExponent();
  }

  /** Every fitted parameter by name, in the order the report lists them. */
  Map<String, Double> parameters();

  /** The names of the two exponents, on N and on D: what "identified" is judged on. */
  List<String> exponentNames();

  /** A compute budget split into N and D, with the tokens per parameter and the predicted loss. */
  record Allocation(
      double flops, double params, double tokens, double tokensPerParam, double loss) {}
}
