package org.lmforge.pipeline.scaling;

/**
 * Chinchilla approach 3 objective (Hoffmann et al. 2022, eq. 2): the sum over runs of
 * Huber_delta(LSE(a - alpha log N, b - beta log D, e) - log L), where A = exp(a), B = exp(b), E = exp(e).
 *
 * <p>Working in log space keeps A, B, E positive without constraints and makes the residual a relative
 * error, so a run at loss 2 and one at loss 5 weigh the same. Each run carries a weight: the bootstrap
 * resamples by giving each run its multiplicity instead of copying arrays.
 *
 * <p>Parameter vector layout: {@code x = [a, b, e, alpha, beta]}.
 */
final class HuberObjective {
  static final int DIM = 5;

  private final double[] logN;
  private final double[] logD;
  private final double[] logL;
  private final double[] weight;
  private final double delta;

  HuberObjective(double[] logN, double[] logD, double[] logL, double[] weight, double delta) {
    this.logN = logN;
    this.logD = logD;
    this.logL = logL;
    this.weight = weight;
    this.delta = delta;
  }

  static double[] toX(ChinchillaLaw law) {
    return new double[] {Math.log(law.A()), Math.log(law.B()), Math.log(law.E()), law.alpha(), law.beta()};
  }

  static ChinchillaLaw toLaw(double[] x) {
    return new ChinchillaLaw(Math.exp(x[2]), Math.exp(x[0]), Math.exp(x[1]), x[3], x[4]);
  }

  double value(double[] x) {
    return valueAndGradient(x, null);
  }

  /** Returns the objective and, when {@code grad != null}, writes its gradient there. */
  double valueAndGradient(double[] x, double[] grad) {
    double a = x[0], b = x[1], e = x[2], alpha = x[3], beta = x[4];
    if (grad != null) {
      java.util.Arrays.fill(grad, 0.0);
    }
    double sum = 0;
    double[] x123s = new double[4];
    for (int i = 0; i < logN.length; i++) {
      double w = weight[i];
      if (w == 0) {
        continue;
      }
      double m = terms(i, a, b, e, alpha, beta, x123s);
      double x1 = x123s[0], x2 = x123s[1], x3 = x123s[2], s = x123s[3];
      double r = m + Math.log(s) - logL[i];
      double ar = Math.abs(r);
      sum += w * (ar <= delta ? 0.5 * r * r : delta * (ar - 0.5 * delta));
      if (grad != null) {
        // d Huber / dr, then the chain rule through the log-sum-exp (softmax weights).
        double dr = w * (ar <= delta ? r : Math.copySign(delta, r)) / s;
        grad[0] += dr * x1;
        grad[1] += dr * x2;
        grad[2] += dr * x3;
        grad[3] -= dr * x1 * logN[i];
        grad[4] -= dr * x2 * logD[i];
      }
    }
    return sum;
  }

  /**
   * The three terms of run i's log-sum-exp, shifted by their maximum m so that exp never overflows: writes
   * exp(t1 - m), exp(t2 - m), exp(e - m) and their sum into {@code out} and returns m (LSE = m + log(sum)).
   */
  private double terms(int i, double a, double b, double e, double alpha, double beta, double[] out) {
    double t1 = a - alpha * logN[i];
    double t2 = b - beta * logD[i];
    double m = Math.max(e, Math.max(t1, t2));
    out[0] = Math.exp(t1 - m);
    out[1] = Math.exp(t2 - m);
    out[2] = Math.exp(e - m);
    out[3] = out[0] + out[1] + out[2];
    return m;
  }

  /**
   * The Gauss-Newton metric J^T W J of the log residuals at x (J: d residual / d x, W: run weights), plus a
   * small ridge. The residuals are nearly collinear in (a, alpha) and (b, beta) because log N and log D span
   * only a few units around a large mean; preconditioning with this metric undoes that ill-conditioning.
   */
  double[][] metric(double[] x) {
    double a = x[0], b = x[1], e = x[2], alpha = x[3], beta = x[4];
    double[][] m = new double[DIM][DIM];
    double[] j = new double[DIM];
    double[] x123s = new double[4];
    for (int i = 0; i < logN.length; i++) {
      if (weight[i] == 0) {
        continue;
      }
      double w = weight[i];
      terms(i, a, b, e, alpha, beta, x123s);
      j[0] = x123s[0] / x123s[3];
      j[1] = x123s[1] / x123s[3];
      j[2] = x123s[2] / x123s[3];
      j[3] = -j[0] * logN[i];
      j[4] = -j[1] * logD[i];
      for (int r = 0; r < DIM; r++) {
        for (int c = 0; c < DIM; c++) {
          m[r][c] += w * j[r] * j[c];
        }
      }
    }
    double trace = 0;
    for (int r = 0; r < DIM; r++) {
      trace += m[r][r];
    }
    for (int r = 0; r < DIM; r++) {
      m[r][r] += 1e-9 * trace + 1e-12;
    }
    return m;
  }
}
