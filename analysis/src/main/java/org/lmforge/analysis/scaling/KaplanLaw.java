package org.lmforge.analysis.scaling;

/**
 * The joint loss of Kaplan et al. 2020, eq. 1.5: L(N, D) = ((N_c / N)^(alpha_N / alpha_D) + D_c /
 * D)^alpha_D.
 *
 * <p>Unlike Chinchilla's sum E + A/N^alpha + B/D^beta, the data term is inside the same power as
 * the size term, so a larger model gains more from the same extra data: the size limit and the data
 * limit interact. It has no irreducible loss, so it describes the range it was fitted on (and
 * somewhat beyond) rather than the limit N, D to infinity. Where one term dominates it reduces to
 * Kaplan's L(N) = (N_c/N)^alpha_N and L(D) = (D_c/D)^alpha_D.
 */
public record KaplanLaw(double nC, double dC, double alphaN, double alphaD) implements ScalingLaw {

  /** Kaplan et al. 2020, table 2 / eq. 1.5 (non-embedding N, their 50k-token BPE on WebText2). */
  public static final KaplanLaw KAPLAN_2020 = new KaplanLaw(6.4e13, 1.8e13, 0.076, 0.103);

  @Override
  public Family family() {
    return Family.KAPLAN;
  }

  @Override
  public double loss(double n, double d) {
    return Math.pow(Math.pow(nC / n, alphaN / alphaD) + dC / d, alphaD);
  }

  /**
   * With p = alpha_N / alpha_D and D = C / (6N), the inner sum (N_c/N)^p + 6 D_c N / C is least
   * where N^(p+1) = p N_c^p C / (6 D_c): N_opt grows as C^(1/(1+p)) = C^(alpha_D / (alpha_N +
   * alpha_D)).
   */
  @Override
  public Allocation optimalAllocation(double flops) {
    double p = alphaN / alphaD;
    double logN = (Math.log(p) + p * Math.log(nC) + Math.log(flops / 6.0) - Math.log(dC)) / (p + 1);
    double n = Math.exp(logN);
    double d = flops / (6.0 * n);
    return new Allocation(flops, n, d, d / n, loss(n, d));
  }

  @Override
  public double nExponent() {
    return alphaD / (alphaN + alphaD);
  }

  @Override
  public double[] parameterValues() {
    return new double[] {nC, dC, alphaN, alphaD};
  }
}
