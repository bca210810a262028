package org.lmforge.model.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * record: {@code
 * {"kind":"train","step","loss","lr","grad_norm","tokens","tokens_per_s","elapsed_s","step_s","compute_s",
 * "sync_s","update_s"}} and {@code
 * {"kind":"eval","step","tokens","val_loss","val_ppl","val_bpb","val_tokens"}} ({@code tokens}:
 * training tokens seen at that step). The sweep report ({@code SweepDir}) reads this format.
 *
 * <p>Object stores cannot append, so the records are kept in memory and the whole file replaced at
 * each {@link #flush} through a {@link Store} (a local file here, any Hadoop FileSystem in the
 * pretrain job); a run has thousands of lines, not millions. A resumed or recovered run first drops
 * the records after its checkpoint's step ({@link #rewindTo}), so the file never shows a step
 * twice.
 */
public final class MetricsLog {
  private static final ObjectMapper JSON = new ObjectMapper();

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

  /** A "train" record; the step's timings follow the standard fields. */
  public void train(
      long step, double lr, StepResult r, long tokens, double tokensPerS, double elapsed) {
    ObjectNode m = JSON.createObjectNode();
    m.put("kind", "train");
    m.put("step", step);
    m.put("loss", r.loss());
    m.put("lr", lr);
    m.put("grad_norm", r.gradNorm());
    m.put("tokens", tokens);
    m.put("tokens_per_s", tokensPerS);
    m.put("elapsed_s", elapsed);
    m.put("step_s", r.wallSeconds());
    m.put("compute_s", r.computeSeconds());
    m.put("sync_s", r.syncSeconds());
    m.put("update_s", r.updateSeconds());
    lines.add(m.toString()); // a JsonNode's toString is its JSON
  }

  public void eval(long step, long tokens, EvalResult r) {
    ObjectNode m = JSON.createObjectNode();
    m.put("kind", "eval");
    m.put("step", step);
    m.put("tokens", tokens);
    m.put("val_loss", r.loss());
    m.put("val_ppl", r.perplexity());
    m.put("val_bpb", r.bitsPerByte());
    m.put("val_tokens", r.tokens());
    lines.add(m.toString());
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
