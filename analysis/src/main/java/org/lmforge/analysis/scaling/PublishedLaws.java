package org.lmforge.analysis.scaling;

/** Published scaling-law values that reports show next to a fit. */
public final class PublishedLaws {
  private PublishedLaws() {}

  /** FLOPs in one petaflop/s-day, Kaplan et al.'s compute unit: 1e15 * 86400. */
  public static final double PF_DAY = 8.64e19;

  /**
   * A Kaplan et al. 2020 power law L = (X_c / X)^alpha; {@code scale} in parameters, tokens or
   * PF-days.
   */
  public record Kaplan(String variable, double alpha, double scale, String unit) {}

  /** Kaplan et al. 2020, eq. 1.1 (non-embedding N). */
  public static final Kaplan KAPLAN_N = new Kaplan("N", 0.076, 8.8e13, "parameters");

  /** Kaplan et al. 2020, eq. 1.2. */
  public static final Kaplan KAPLAN_D = new Kaplan("D", 0.095, 5.4e13, "tokens");

  /** Kaplan et al. 2020, eq. 1.3 (C_min). */
  public static final Kaplan KAPLAN_C = new Kaplan("C", 0.050, 3.1e8, "PF-days");

  /** Hoffmann et al. 2022, table 2: N_opt ~ C^a, D_opt ~ C^b. */
  public static final double CHINCHILLA_A1 = 0.50, CHINCHILLA_B1 = 0.50;

  public static final double CHINCHILLA_A2 = 0.49, CHINCHILLA_B2 = 0.51;
}
