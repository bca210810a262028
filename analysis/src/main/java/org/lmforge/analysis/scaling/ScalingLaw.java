package org.lmforge.analysis.scaling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parametric loss L(N, D) fitted to a sweep, and the compute-optimal split of a budget C = 6ND it
 * implies. Two forms are fitted to every sweep ({@link ChinchillaLaw}, {@link KaplanLaw}); {@link
 * LawSelection} says which one the sweep's predictions use.
 */
public sealed interface ScalingLaw permits ChinchillaLaw, KaplanLaw {

  /**
   * The closed set of forms: each one's name, formula and parameter names, the same for every law
   * of that form whatever its fitted values.
   */
  enum Family {
    CHINCHILLA(
        "chinchilla",
        "L = E + A / N^alpha + B / D^beta",
        List.of("E", "A", "B", "alpha", "beta"),
        List.of("alpha", "beta")),
    KAPLAN(
        "kaplan",
        "L = ((N_c / N)^(alpha_N / alpha_D) + D_c / D)^alpha_D",
        List.of("N_c", "D_c", "alpha_N", "alpha_D"),
        List.of("alpha_N", "alpha_D"));

    private final String id;
    private final String formula;
    private final List<String> parameterNames;
    private final List<String> exponentNames;

    Family(String id, String formula, List<String> parameterNames, List<String> exponentNames) {
      this.id = id;
      this.formula = formula;
      this.parameterNames = parameterNames;
      this.exponentNames = exponentNames;
    }

    /** Short name of the form, as fit.json, the report and {@link LawSelection} write it. */
    public String id() {
      return id;
    }
  }

  /** Which form this law is. */
  Family family();

  /** Short name of the form, as fit.json and the report write it. */
  default String form() {
    return family().id;
  }

  /** The formula with this form's parameter names. */
  default String formula() {
    return family().formula;
  }

  /** Predicted loss for N parameters trained on D tokens. */
  double loss(double n, double d);

  /** The loss-minimising split of a compute budget (FLOPs) into parameters and tokens. */
  Allocation optimalAllocation(double flops);

  /** Exponent a in N_opt proportional to C^a. */
  double nExponent();

  /** Exponent b in D_opt proportional to C^b (a + b = 1). */
  default double dExponent() {
    return 1 - nExponent();
  }

  /** The fitted parameters, in the order of the family's parameter names. */
  double[] parameterValues();

  /** Every fitted parameter by name, in the order the report lists them. */
  default Map<String, Double> parameters() {
    List<String> names = family().parameterNames;
    double[] values = parameterValues();
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) m.put(names.get(i), values[i]);
    return m;
  }

  /**
   * The law in one line for a console: its form, formula and fitted values (4 significant digits),
   * e.g. {@code chinchilla: L = E + A / N^alpha + B / D^beta; E = 1.690, A = 406.4, …}.
   */
  default String describe() {
    StringBuilder s = new StringBuilder(form()).append(": ").append(formula());
    String sep = "; ";
    for (Map.Entry<String, Double> p : parameters().entrySet()) {
      s.append(sep).append(p.getKey()).append(" = ");
      s.append(String.format(Locale.ROOT, "%.4g", p.getValue()));
      sep = ", ";
    }
    return s.toString();
  }

  /** The names of the two exponents, on N and on D: what "identified" is judged on. */
  default List<String> exponentNames() {
    return family().exponentNames;
  }

  /** A compute budget split into N and D, with the tokens per parameter and the predicted loss. */
  record Allocation(
      double flops, double params, double tokens, double tokensPerParam, double loss) {}
}
