package org.lmforge.analysis.scaling;

import java.util.List;

/**
 * Chinchilla approach 3's parameterisation (Hoffmann et al. 2022, eq. 2 and appendix D.2): log L =
 * LSE(a - alpha log N, b - beta log D, e) with A = exp(a), B = exp(b), E = exp(e), so that A, B and
 * E stay positive without constraints; x = [a, b, e, alpha, beta], and the paper's grid of
 * initialisations.
 */
enum ChinchillaForm implements LawForm<ChinchillaLaw> {
  INSTANCE;

  static final double[] GRID_EXPONENT = {0, 0.5, 1, 1.5, 2};
  static final double[] GRID_E = {-1, -0.5, 0, 0.5, 1, 1.5};
  static final double[] GRID_AB = {0, 5, 10, 15, 20, 25};

  @Override
  public int dim() {
    return 5;
  }

  @Override
  public double logLoss(double logN, double logD, double[] x, double[] grad) {
    double t1 = x[0] - x[3] * logN;
    double t2 = x[1] - x[4] * logD;
    double e = x[2];
    // shifted by the largest term so that exp never overflows
    double m = Math.max(e, Math.max(t1, t2));
    double x1 = Math.exp(t1 - m), x2 = Math.exp(t2 - m), x3 = Math.exp(e - m);
    double s = x1 + x2 + x3;
    if (grad != null) {
      grad[0] = x1 / s;
      grad[1] = x2 / s;
      grad[2] = x3 / s;
      grad[3] = -grad[0] * logN;
      grad[4] = -grad[1] * logD;
    }
    return m + Math.log(s);
  }

  @Override
  public ChinchillaLaw toLaw(double[] x) {
    return new ChinchillaLaw(Math.exp(x[2]), Math.exp(x[0]), Math.exp(x[1]), x[3], x[4]);
  }

  static double[] toX(ChinchillaLaw law) {
    return new double[] {
      Math.log(law.A()), Math.log(law.B()), Math.log(law.E()), law.alpha(), law.beta()
    };
  }

  /** The paper's grid, its loops nested alpha, beta, e, a, b (outermost first). */
  @Override
  public List<double[]> grid() {
    return LawForm.combinations(GRID_EXPONENT, GRID_EXPONENT, GRID_E, GRID_AB, GRID_AB).stream()
        .map(g -> new double[] {g[3], g[4], g[2], g[0], g[1]}) // as x = [a, b, e, alpha, beta]
        .toList();
  }

  @Override
  public String objective() {
    return "sum of Huber(LSE(a - alpha ln N, b - beta ln D, e) - ln L), A=e^a, B=e^b, E=e^e";
  }
}
