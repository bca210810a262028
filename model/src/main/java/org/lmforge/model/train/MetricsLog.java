package org.lmforge.model.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lmforge.model.eval.EvalResult;

/**
 * Metrics as JSON lines, appended (a resumed run continues the same file). Two kinds of record:
 * {@code {"kind":"train","step","loss","lr","grad_norm","tokens","tokens_per_s","elapsed_s"}} and
 * {@code {"kind":"eval","step","tokens","val_loss","val_ppl","val_bpb","val_tokens"}} ({@code tokens}: training
 * tokens seen at that step). The sweep report reads this format.
 */
public final class MetricsLog implements Closeable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final BufferedWriter out;   // null: discard

  public MetricsLog(Path file) {
    try {
      if (file == null) { out = null; return; }
      if (file.getParent() != null) Files.createDirectories(file.getParent());
      out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open metrics file " + file, e);
    }
  }

  public void train(long step, double loss, double lr, double gradNorm, long tokens, double tokensPerS, double elapsed) {
    write(trainLine(step, loss, lr, gradNorm, tokens, tokensPerS, elapsed));
  }

  public void eval(long step, long tokens, EvalResult r) {
    write(evalLine(step, tokens, r));
  }

  /** One "train" record as a JSON line (also used by the data-parallel job's log on a Hadoop path). */
  public static String trainLine(long step, double loss, double lr, double gradNorm, long tokens, double tokensPerS,
                                 double elapsed) {
    return trainLine(step, loss, lr, gradNorm, tokens, tokensPerS, elapsed, Map.of());
  }

  /** A "train" record with extra fields after the standard ones (e.g. a data-parallel step's timings). */
  public static String trainLine(long step, double loss, double lr, double gradNorm, long tokens, double tokensPerS,
                                 double elapsed, Map<String, ?> extra) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", "train"); m.put("step", step); m.put("loss", loss); m.put("lr", lr); m.put("grad_norm", gradNorm);
    m.put("tokens", tokens); m.put("tokens_per_s", tokensPerS); m.put("elapsed_s", elapsed);
    m.putAll(extra);
    return json(m);
  }

  /** One "eval" record as a JSON line. */
  public static String evalLine(long step, long tokens, EvalResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", "eval"); m.put("step", step); m.put("tokens", tokens); m.put("val_loss", r.loss()); m.put("val_ppl", r.perplexity());
    m.put("val_bpb", r.bitsPerByte()); m.put("val_tokens", r.tokens());
    return json(m);
  }

  private static String json(Map<String, Object> m) {
    try {
      return JSON.writeValueAsString(m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(String line) {
    if (out == null) return;
    try {
      out.write(line);
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override public void close() throws IOException { if (out != null) out.close(); }
}
