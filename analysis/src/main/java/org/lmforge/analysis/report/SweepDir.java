package org.lmforge.analysis.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmforge.analysis.scaling.CsvTable;

/**
 * Reads a sweep directory (layout in docs/scaling.md):
 *
 * <pre>
 *   runs.csv                          one row per run (required)
 *   runs/&lt;run_id&gt;/metrics.jsonl   one JSON object per logged step (optional per run)
 *   provenance/clean-stats.json       the clean job's statistics with its drop_table (optional)
 *   provenance/tokenizer.json         name, vocab_size, bytes_per_token (optional)
 * </pre>
 *
 * Only runs.csv with run_id, params, tokens and final_val_loss is required; every other missing
 * part is noted and the report says "not available" there. A malformed file is an error naming it
 * and the line.
 */
public final class SweepDir {
  /** Columns of runs.csv; all but the first four may be absent (read as NaN). */
  public static final List<String> RUN_COLUMNS =
      List.of(
          "run_id",
          "params",
          "tokens",
          "final_val_loss",
          "n_layer",
          "d_model",
          "n_head",
          "context",
          "params_total",
          "flops",
          "best_val_loss",
          "bits_per_byte",
          "wall_seconds",
          "tokens_per_second",
          "budget_flops");

  private SweepDir() {}

  /** One row of runs.csv; the numbers of absent columns are NaN. */
  public record Run(String id, Map<String, Double> values) {
    public double get(String column) {
      return values.getOrDefault(column, Double.NaN);
    }
  }

  /** One line of metrics.jsonl; absent fields are NaN. */
  public record Metric(
      double step,
      double tokens,
      double trainLoss,
      double valLoss,
      double lr,
      double gradNorm,
      double tokensPerSecond) {}

  /** Everything read from a sweep directory; the optional JSON documents are null when absent. */
  public record Sweep(
      Path dir,
      List<Run> runs,
      Map<String, List<Metric>> metrics,
      JsonNode cleanStats,
      JsonNode tokenizer,
      List<String> notes) {}

  public static Sweep read(Path dir) {
    Path runsCsv = dir.resolve("runs.csv");
    if (!Files.isRegularFile(runsCsv)) {
      throw new IllegalArgumentException(
          dir
              + " has no runs.csv; a sweep directory needs runs.csv with columns "
              + String.join(",", RUN_COLUMNS.subList(0, 4))
              + " (see docs/scaling.md)");
    }
    CsvTable csv = CsvTable.read(runsCsv);
    int id = csv.column("run_id");
    for (String c : RUN_COLUMNS.subList(1, 4)) {
      csv.column(c);
    }
    List<String> notes = new ArrayList<>();
    List<Run> runs = new ArrayList<>();
    for (CsvTable.Row row : csv.rows()) {
      Map<String, Double> values = new LinkedHashMap<>();
      for (String c : RUN_COLUMNS.subList(1, RUN_COLUMNS.size())) {
        if (csv.has(c)) {
          values.put(c, csv.number(row, csv.column(c)));
        }
      }
      runs.add(new Run(csv.text(row, id), values));
    }
    Map<String, List<Metric>> metrics = new LinkedHashMap<>();
    for (Run r : runs) {
      Path m = dir.resolve("runs").resolve(r.id()).resolve("metrics.jsonl");
      if (Files.isRegularFile(m)) {
        metrics.put(r.id(), readMetrics(m));
      } else {
        notes.add("run " + r.id() + ": no " + dir.relativize(m));
      }
    }
    JsonNode clean = readOptionalJson(dir.resolve("provenance/clean-stats.json"), notes);
    JsonNode tokenizer = readOptionalJson(dir.resolve("provenance/tokenizer.json"), notes);
    return new Sweep(dir, List.copyOf(runs), metrics, clean, tokenizer, List.copyOf(notes));
  }

  static List<Metric> readMetrics(Path file) {
    ObjectMapper json = new ObjectMapper();
    List<Metric> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode o;
        try {
          o = json.readTree(line);
        } catch (IOException e) {
          throw new IllegalArgumentException(
              file + " line " + n + ": not a JSON object: " + jsonProblem(e));
        }
        // The training loop's records (model/…/train/MetricsLog): "train" ones carry loss, lr,
        // grad_norm,
        // tokens_per_s; "eval" ones val_loss.
        boolean train = "train".equals(o.path("kind").asText());
        out.add(
            new Metric(
                field(o, "step"),
                field(o, "tokens"),
                train ? field(o, "loss") : Double.NaN,
                field(o, "val_loss"),
                field(o, "lr"),
                field(o, "grad_norm"),
                field(o, "tokens_per_s")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static double field(JsonNode o, String name) {
    JsonNode v = o.get(name);
    return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
  }

  private static JsonNode readOptionalJson(Path file, List<String> notes) {
    if (!Files.isRegularFile(file)) {
      notes.add("no " + file.getParent().getFileName() + "/" + file.getFileName());
      return null;
    }
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": not valid JSON: " + jsonProblem(e), e);
    }
  }

  /**
   * Jackson's problem without the location block it appends on new lines (which quotes the whole
   * input): the caller names the file and line, and the error stays one line.
   */
  static String jsonProblem(IOException e) {
    return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
  }
}
