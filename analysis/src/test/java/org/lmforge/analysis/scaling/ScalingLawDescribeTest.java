package org.lmforge.analysis.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one line a console shows of a fitted law. */
class ScalingLawDescribeTest {
  @Test
  void chinchillaNamesItsFormulaAndEveryFittedValue() {
    // Hoffmann et al. (2022), approach 3
    ScalingLaw hoffmann = new ChinchillaLaw(1.69, 406.4, 410.7, 0.34, 0.28);
    assertEquals(
        "chinchilla: L = E + A / N^alpha + B / D^beta;"
            + " E = 1.690, A = 406.4, B = 410.7, alpha = 0.3400, beta = 0.2800",
        hoffmann.describe());
  }

  @Test
  void kaplanNamesItsFormulaAndEveryFittedValue() {
    // Kaplan et al. (2020), eq. 1.5
    ScalingLaw kaplan = new KaplanLaw(8.8e13, 5.4e13, 0.076, 0.095);
    assertEquals(
        "kaplan: L = ((N_c / N)^(alpha_N / alpha_D) + D_c / D)^alpha_D;"
            + " N_c = 8.800e+13, D_c = 5.400e+13, alpha_N = 0.07600, alpha_D = 0.09500",
        kaplan.describe());
  }
}
