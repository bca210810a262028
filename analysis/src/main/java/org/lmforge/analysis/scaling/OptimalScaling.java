package org.lmforge.analysis.scaling;

import java.util.List;

/**
 * Compute-optimal model size and data as power laws of compute, N_opt = k_N C^a and D_opt = k_D
 * C^b, as estimated by Chinchilla approaches 1 and 2 (Hoffmann et al. 2022, table 2: a = 0.50 /
 * 0.49, b = 0.50 / 0.51).
 *
 * @param optima the (C, N_opt, D_opt) estimates the lines were fitted on
 */
public record OptimalScaling(LogLinear params, LogLinear tokens, List<double[]> optima) {

  static OptimalScaling fit(List<double[]> optima, double level) {
    List<double[]> cn = optima.stream().map(o -> new double[] {o[0], o[1]}).toList();
    List<double[]> cd = optima.stream().map(o -> new double[] {o[0], o[2]}).toList();
    return new OptimalScaling(
        LogLinear.fit(cn, level), LogLinear.fit(cd, level), List.copyOf(optima));
  }

  /** Exponent a of N_opt in C. */
  public double a() {
    return params.slope();
  }

  /** Exponent b of D_opt in C. */
  public double b() {
    return tokens.slope();
  }
}
