package org.lmforge.pipeline.train;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lmforge.model.train.MetricsLog;
import org.lmforge.pipeline.io.AtomicFile;

/**
 * A run's metrics.jsonl on any Hadoop FileSystem, for {@link MetricsLog}: object stores cannot
 * append, so each flush replaces the file (temporary name, then rename) through {@link AtomicFile}.
 */
final class HadoopMetricsFile implements MetricsLog.Store {
  private final FileSystem fs;
  private final Path file;

  HadoopMetricsFile(String file, Configuration conf) throws IOException {
    this.file = new Path(file);
    this.fs = this.file.getFileSystem(conf);
  }

  @Override
  public List<String> read() throws IOException {
    List<String> lines = new ArrayList<>();
    if (!fs.exists(file)) return lines;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) lines.add(line);
    }
    return lines;
  }

  @Override
  public void write(List<String> lines) throws IOException {
    AtomicFile.write(
        fs,
        file,
        out -> {
          for (String l : lines) {
            out.write(l.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
          }
        });
  }
}
