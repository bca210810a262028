package org.lmforge.model.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lmforge.config.LocalFiles;
import org.lmforge.model.eval.EvalResult;

/**
 * A run's metrics.jsonl, the one writer of it for local and data-parallel runs. Two kinds of
 * record, each line one {@link TrainLine} or {@link EvalLine} in JSON with snake_case names ({@code
 * tokens}: training tokens seen at that step). The sweep report ({@code SweepDir}) reads this
 * format.
 *
 * <p>Object stores cannot append, so the records are kept in memory and the whole file replaced at
 * each {@link #flush} through a {@link Store} (a local file here, any Hadoop FileSystem in the
 * pretrain job); a run has thousands of lines, not millions. A resumed or recovered run first drops
 * the records after its checkpoint's step ({@link #rewindTo}), so the file never shows a step
 * twice.
 */
public final class MetricsLog {
  // gradNorm -> grad_norm, tokensPerS -> tokens_per_s: the records' names are the file's
  private static final ObjectMapper JSON =
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  /** A "train" line: the step's loss, learning rate and throughput, then its time split. */
  record TrainLine(
      String kind,
      long step,
      double loss,
      double lr,
      double gradNorm,
      long tokens,
      double tokensPerS,
      double elapsedS,
      double stepS,
      double computeS,
      double syncS,
      double updateS) {}

  /** An "eval" line: the validation loss, perplexity and bits per byte after a step. */
  record EvalLine(
      String kind,
      long step,
      long tokens,
      double valLoss,
      double valPpl,
      double valBpb,
      long valTokens) {}

  /** Where the lines are kept: read whole, replaced whole (a temporary file, then a rename). */
  public interface Store {
    /** The stored lines; empty when there is no file yet. */
    List<String> read() throws IOException;

    void write(List<String> lines) throws IOException;
  }

  private final Store store; // null: discard
  private final List<String> lines = new ArrayList<>();

  private MetricsLog(Store store) {
    this.store = store;
  }

  /**
   * Opens the log, keeping the stored records up to step {@code keepUpToStep} (none if negative;
   * see rewindTo).
   */
  public static MetricsLog open(Store store, long keepUpToStep) throws IOException {
    MetricsLog log = new MetricsLog(store);
    if (keepUpToStep >= 0) {
      for (String line : store.read()) {
        if (!line.isBlank()) log.lines.add(line);
      }
      log.rewindTo(keepUpToStep);
    }
    return log;
  }

  /** A log that keeps its records in memory only (no metrics file asked for). */
  public static MetricsLog discard() {
    return new MetricsLog(null);
  }

  /** A local file, replaced atomically at each flush. */
  public static Store localFile(Path file) {
    return new Store() {
      @Override
      public List<String> read() throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
      }

      @Override
      public void write(List<String> lines) throws IOException {
        LocalFiles.replace(file, tmp -> Files.write(tmp, lines, StandardCharsets.UTF_8));
      }
    };
  }

  /** A "train" record. */
  public void train(
      long step, double lr, StepResult r, long tokens, double tokensPerS, double elapsed) {
    add(
        new TrainLine(
            "train",
            step,
            r.loss(),
            lr,
            r.gradNorm(),
            tokens,
            tokensPerS,
            elapsed,
            r.wallSeconds(),
            r.computeSeconds(),
            r.syncSeconds(),
            r.updateSeconds()));
  }

  public void eval(long step, long tokens, EvalResult r) {
    add(new EvalLine("eval", step, tokens, r.loss(), r.perplexity(), r.bitsPerByte(), r.tokens()));
  }

  private void add(Record line) {
    try {
      lines.add(JSON.writeValueAsString(line));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a metrics record does not serialise: " + line, e);
    }
  }

  /**
   * Back to the state right after optimiser step {@code step}: train records of later steps go, and
   * so do evaluations at or after it (the resumed loop evaluates at that step again).
   */
  public void rewindTo(long step) {
    lines.removeIf(
        l -> {
          JsonNode n = parse(l);
          long s = n.path("step").asLong(Long.MAX_VALUE);
          return "eval".equals(n.path("kind").asText()) ? s >= step : s > step;
        });
  }

  /** Lowest validation loss among the kept eval records (NaN if none). */
  public double bestValLoss() {
    double best = Double.NaN;
    for (String l : lines) {
      JsonNode n = parse(l);
      if ("eval".equals(n.path("kind").asText())) {
        double v = n.path("val_loss").asDouble(Double.NaN);
        best = Double.isNaN(best) || v < best ? v : best;
      }
    }
    return best;
  }

  /** Replaces the stored file with the records so far. */
  public void flush() throws IOException {
    if (store != null) store.write(List.copyOf(lines));
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new IllegalStateException("metrics line is not JSON: " + line, e);
    }
  }
}
