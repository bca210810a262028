package org.lmforge.pipeline.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lmforge.pipeline.io.AtomicFile;

/**
 * A run's metrics.jsonl (the trainer's record format, {@link org.lmforge.model.train.MetricsLog}) on any
 * Hadoop FileSystem. Object stores cannot append, so the log is kept in memory and the whole file rewritten
 * (temporary name, then rename) at each flush; a run has thousands of lines, not millions. A resumed or
 * recovered run first drops the records after its checkpoint's step, so the file never shows steps twice.
 */
final class RunLog {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final FileSystem fs;
  private final Path file;
  private final List<String> lines = new ArrayList<>();

  private RunLog(FileSystem fs, Path file) {
    this.fs = fs;
    this.file = file;
  }

  /** Opens the log, keeping the records up to step {@code keepUpToStep} (none if negative; see rewindTo). */
  static RunLog open(String file, Configuration conf, long keepUpToStep) throws IOException {
    Path p = new Path(file);
    RunLog log = new RunLog(p.getFileSystem(conf), p);
    if (keepUpToStep >= 0 && log.fs.exists(p)) {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(log.fs.open(p), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          if (!line.isBlank()) {
            log.lines.add(line);
          }
        }
      }
      log.rewindTo(keepUpToStep);
    }
    return log;
  }

  void add(String line) {
    lines.add(line);
  }

  /**
   * Back to the state right after optimiser step {@code step}: train records of later steps go, and so do
   * evaluations at or after it (the resumed loop evaluates at that step again).
   */
  void rewindTo(long step) {
    lines.removeIf(l -> {
      JsonNode n = parse(l);
      long s = n.path("step").asLong(Long.MAX_VALUE);
      return "eval".equals(n.path("kind").asText()) ? s >= step : s > step;
    });
  }

  /** Lowest validation loss among the kept eval records (NaN if none). */
  double bestValLoss() {
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

  void flush() throws IOException {
    AtomicFile.write(fs, file, out -> {
      for (String l : lines) {
        out.write(l.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      }
    });
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new IllegalStateException("metrics line is not JSON: " + line, e);
    }
  }
}
