package org.lmforge.analysis.scaling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A parametric law as the fitter sees it: a parameter vector x, log L(N, D; x) with its gradient in
 * x, the grid of starting points, and the law x stands for. {@link LawFitter} does the rest (Huber
 * objective, local optimisation, bootstrap) the same way for every form.
 */
sealed interface LawForm<L extends ScalingLaw> permits ChinchillaForm, KaplanForm {

  int dim();

  /** log L at (log N, log D); when {@code grad != null}, writes d log L / dx there. */
  double logLoss(double logN, double logD, double[] x, double[] grad);

  L toLaw(double[] x);

  /** Initialisations: the local optimiser starts from the best of these. */
  List<double[]> grid();

  /**
   * Every combination of one value from each axis, the first axis varying slowest: what nested
   * loops over the axes, the first outermost, would list.
   */
  static List<double[]> combinations(double[]... axes) {
    List<double[]> out = List.of(new double[0]);
    for (double[] axis : axes) {
      List<double[]> longer = new ArrayList<>();
      for (double[] prefix : out) {
        for (double v : axis) {
          double[] c = Arrays.copyOf(prefix, prefix.length + 1);
          c[prefix.length] = v;
          longer.add(c);
        }
      }
      out = longer;
    }
    return out;
  }

  /**
   * The exponent cell of a grid point: every cell gets at least one local start. Every form keeps
   * its two exponents (or their logs) last in x.
   */
  default String cell(double[] x) {
    return x[x.length - 2] + "/" + x[x.length - 1];
  }

  /** The objective in words, for fit.json. */
  String objective();
}
