package org.lmforge.analysis.scaling;

/**
 * The parametric loss L(N, D) = E + A / N^alpha + B / D^beta of Hoffmann et al. 2022
 * ("Chinchilla"), section 3.3, and the compute-optimal allocation it implies under C = 6ND (their
 * appendix D.2).
 */
public record ChinchillaLaw(double E, double A, double B, double alpha, double beta)
    implements ScalingLaw {

  /** Chinchilla approach 3 as published (Hoffmann et al. 2022, eq. 10). */
  public static final ChinchillaLaw HOFFMANN_2022 =
      new ChinchillaLaw(1.69, 406.4, 410.7, 0.34, 0.28);

  /**
   * The refit of the same data by Besiroglu et al. 2024 ("Chinchilla Scaling: A replication
   * attempt"), which found the published intervals implausibly narrow.
   */
  public static final ChinchillaLaw BESIROGLU_2024 =
      new ChinchillaLaw(1.8172, 482.01, 2085.43, 0.3478, 0.3658);

  @Override
  public Family family() {
    return Family.CHINCHILLA;
  }

  @Override
  public double loss(double n, double d) {
    return E + A / Math.pow(n, alpha) + B / Math.pow(d, beta);
  }

  /** G = (alpha A / (beta B))^(1/(alpha+beta)), so N_opt = G (C/6)^a and D_opt = (C/6)^b / G. */
  public double g() {
    return Math.pow(alpha * A / (beta * B), 1.0 / (alpha + beta));
  }

  @Override
  public double nExponent() {
    return beta / (alpha + beta);
  }

  @Override
  public double dExponent() {
    return alpha / (alpha + beta);
  }

  @Override
  public Allocation optimalAllocation(double flops) {
    double c6 = flops / 6.0;
    double n = g() * Math.pow(c6, nExponent());
    double d = Math.pow(c6, dExponent()) / g();
    return new Allocation(flops, n, d, d / n, loss(n, d));
  }

  @Override
  public double[] parameterValues() {
    return new double[] {E, A, B, alpha, beta};
  }
}
