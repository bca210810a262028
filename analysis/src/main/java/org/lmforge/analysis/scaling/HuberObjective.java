package org.lmforge.analysis.scaling;

import java.util.Arrays;

/**
 * The fitting objective of Chinchilla approach 3 (Hoffmann et al. 2022, eq. 2), for any {@link
 * LawForm}: the sum over runs of Huber_delta(log L(N, D; x) - log L_observed).
 *
 * <p>Working in log space makes the residual a relative error, so a run at loss 2 and one at loss 5
 * weigh the same. Each run carries a weight: the run bootstrap resamples by giving each run its
 * multiplicity instead of copying arrays.
 */
record HuberObjective(
    LawForm<?> form, double[] logN, double[] logD, double[] logL, double[] weight, double delta) {

  int dim() {
    return form.dim();
  }

  double value(double[] x) {
    return valueAndGradient(x, null);
  }

  /** Returns the objective and, when {@code grad != null}, writes its gradient there. */
  double valueAndGradient(double[] x, double[] grad) {
    if (grad != null) {
      Arrays.fill(grad, 0.0);
    }
    double[] j = grad == null ? null : new double[form.dim()];
    double sum = 0;
    for (int i = 0; i < logN.length; i++) {
      double w = weight[i];
      if (w == 0) {
        continue;
      }
      double r = form.logLoss(logN[i], logD[i], x, j) - logL[i];
      double ar = Math.abs(r);
      sum += w * (ar <= delta ? 0.5 * r * r : delta * (ar - 0.5 * delta));
      if (grad != null) {
        double dr = w * (ar <= delta ? r : Math.copySign(delta, r));
        for (int k = 0; k < j.length; k++) {
          grad[k] += dr * j[k];
        }
      }
    }
    return sum;
  }

  /**
   * The Gauss-Newton metric J^T W J of the log residuals at x (J: d residual / d x, W: run
   * weights), plus a small ridge. The residuals are nearly collinear in a scale and its exponent (a
   * and alpha, say) because log N and log D span only a few units around a large mean;
   * preconditioning with this metric undoes that ill-conditioning.
   */
  double[][] metric(double[] x) {
    int dim = form.dim();
    double[][] m = new double[dim][dim];
    double[] j = new double[dim];
    for (int i = 0; i < logN.length; i++) {
      double w = weight[i];
      if (w == 0) {
        continue;
      }
      form.logLoss(logN[i], logD[i], x, j);
      for (int r = 0; r < dim; r++) {
        for (int c = 0; c < dim; c++) {
          m[r][c] += w * j[r] * j[c];
        }
      }
    }
    double trace = 0;
    for (int r = 0; r < dim; r++) {
      trace += m[r][r];
    }
    for (int r = 0; r < dim; r++) {
      m[r][r] += 1e-9 * trace + 1e-12;
    }
    return m;
  }
}
