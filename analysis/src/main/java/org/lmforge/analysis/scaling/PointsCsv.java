package org.lmforge.analysis.scaling;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a points table: header columns {@code params,tokens,loss} (any order, any case, more
 * columns allowed; the names papers and their data files use are read too: {@code N, D, L}, {@code
 * model size, training tokens}, ...), one row per run, plus an optional {@code budget_flops} column
 * that groups runs into IsoFLOP profiles. Counts may be written as papers write them ({@code 70B},
 * {@code 1.4T}; see {@link CsvTable#number}).
 *
 * <p>A run whose loss is missing, NaN or infinite (it diverged or did not finish) is excluded and
 * counted, with its line and reason; the fit reports the count. Anything else that cannot be a run
 * is an error that names the file, line and column: a non-positive or non-finite size or token
 * count, or a loss <= 0.
 */
public final class PointsCsv {
  /** Reason recorded for a run excluded because its loss is not a finite number. */
  public static final String LOSS_NOT_FINITE = "points.loss_not_finite";

  private PointsCsv() {}

  // Other names of the three columns, each read when the table has no column of the first name
  static final List<String> PARAMS_ALSO =
      List.of("n", "parameters", "n_params", "num_params", "model_size", "model size");
  static final List<String> TOKENS_ALSO =
      List.of("d", "n_tokens", "train_tokens", "training_tokens", "training tokens", "data");
  static final List<String> LOSS_ALSO = List.of("l", "val_loss", "eval_loss", "validation_loss");

  /** A run left out of the fit: where it was and why. */
  public record Exclusion(int line, String reason) {}

  /** The runs to fit and the runs left out. */
  public record Table(List<ScalingPoint> points, List<Exclusion> excluded) {}

  public static Table read(Path file) {
    CsvTable csv = CsvTable.read(file);
    int n = csv.column("params", PARAMS_ALSO);
    int d = csv.column("tokens", TOKENS_ALSO);
    int l = csv.column("loss", LOSS_ALSO);
    int b = csv.has("budget_flops") ? csv.column("budget_flops") : -1;
    List<ScalingPoint> points = new ArrayList<>();
    List<Exclusion> excluded = new ArrayList<>();
    for (CsvTable.Row row : csv.rows()) {
      double params = positive(csv, row, n);
      double tokens = positive(csv, row, d);
      double loss = csv.number(row, l);
      if (!Double.isFinite(loss)) {
        excluded.add(new Exclusion(row.line(), LOSS_NOT_FINITE));
        continue;
      }
      if (loss <= 0) {
        throw new IllegalArgumentException(
            file
                + " line "
                + row.line()
                + ": loss is "
                + loss
                + "; a cross-entropy loss must be > 0 (is the column in nats per token?)");
      }
      double budget = b < 0 ? Double.NaN : csv.number(row, b);
      if (b >= 0 && !Double.isNaN(budget) && !(budget > 0 && Double.isFinite(budget))) {
        throw new IllegalArgumentException(
            file
                + " line "
                + row.line()
                + ": budget_flops is "
                + budget
                + "; it must be a positive FLOP count or empty");
      }
      points.add(new ScalingPoint(params, tokens, loss, budget));
    }
    return new Table(List.copyOf(points), List.copyOf(excluded));
  }

  private static double positive(CsvTable csv, CsvTable.Row row, int column) {
    double v = csv.number(row, column);
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(
          csv.file()
              + " line "
              + row.line()
              + ": "
              + csv.header().get(column)
              + " is "
              + (csv.text(row, column).isEmpty() ? "empty" : csv.text(row, column))
              + "; it must be a positive finite number");
    }
    return v;
  }
}
