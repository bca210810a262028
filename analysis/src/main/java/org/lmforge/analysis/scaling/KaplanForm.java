package org.lmforge.analysis.scaling;

import java.util.List;

/**
 * {@link KaplanLaw} in log space: log L = alpha_D LSE(p (log N_c - log N), log D_c - log D) with p
 * = alpha_N / alpha_D; x = [log N_c, log D_c, log alpha_N, log alpha_D], so the exponents stay
 * positive.
 */
enum KaplanForm implements LawForm<KaplanLaw> {
  INSTANCE;

  static final double[] GRID_EXPONENT = {0.03, 0.1, 0.3, 1};
  static final double[] GRID_SCALE = {5, 10, 15, 20, 25, 30, 35};

  @Override
  public int dim() {
    return 4;
  }

  @Override
  public double logLoss(double logN, double logD, double[] x, double[] grad) {
    double alphaN = Math.exp(x[2]), alphaD = Math.exp(x[3]), p = alphaN / alphaD;
    double t1 = p * (x[0] - logN);
    double t2 = x[1] - logD;
    double m = Math.max(t1, t2);
    double e1 = Math.exp(t1 - m), e2 = Math.exp(t2 - m);
    double lse = m + Math.log(e1 + e2);
    if (grad != null) {
      double w1 = e1 / (e1 + e2), w2 = e2 / (e1 + e2);
      grad[0] = w1 * alphaN;
      grad[1] = w2 * alphaD;
      grad[2] = w1 * alphaN * (x[0] - logN);
      grad[3] = alphaD * (lse - w1 * t1);
    }
    return alphaD * lse;
  }

  @Override
  public KaplanLaw toLaw(double[] x) {
    return new KaplanLaw(Math.exp(x[0]), Math.exp(x[1]), Math.exp(x[2]), Math.exp(x[3]));
  }

  /** Every exponent pair (alpha_N, alpha_D) over every scale pair (ln N_c, ln D_c). */
  @Override
  public List<double[]> grid() {
    return LawForm.combinations(GRID_EXPONENT, GRID_EXPONENT, GRID_SCALE, GRID_SCALE).stream()
        .map(g -> new double[] {g[2], g[3], Math.log(g[0]), Math.log(g[1])})
        .toList();
  }

  @Override
  public String objective() {
    return "sum of Huber(alpha_D LSE((alpha_N/alpha_D)(ln N_c - ln N), ln D_c - ln D) - ln L), "
        + "with ln N_c, ln D_c, ln alpha_N, ln alpha_D free";
  }
}
