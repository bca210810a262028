package org.lmforge.pipeline.io;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The outputs lmforge's jobs write, told apart by the file each holds at its top, so that a command
 * given another command's output names what it was given instead of failing on its files. The order
 * is the order of the checks: a tokenize output holds a stats.json too, as a clean output does (the
 * tokenize input check took token shards for "a whole clean output").
 */
public enum OutputKind {
  TOKENS("a tokenize output (token shards)", "manifest.json"),
  RUN("a pretrain run", "run.json"),
  SWEEP("a sweep directory", "plan.json"),
  CLEAN("a clean output", "stats.json");

  private final String label;
  private final String marker;

  OutputKind(String label, String marker) {
    this.label = label;
    this.marker = marker;
  }

  /** What it is, for a message: "a tokenize output (token shards)". */
  public String label() {
    return label;
  }

  /** The file at the top of such an output that no other kind holds before it in this order. */
  public String marker() {
    return marker;
  }

  /** {@link #of(FileSystem, Path)} for a directory on the local file system. */
  public static OutputKind of(java.nio.file.Path dir) {
    for (OutputKind k : values()) {
      if (java.nio.file.Files.isRegularFile(dir.resolve(k.marker))) return k;
    }
    return null;
  }

  /** The kind of output {@code dir} is, or null for a directory no job of ours wrote. */
  public static OutputKind of(FileSystem fs, Path dir) throws IOException {
    for (OutputKind k : values()) {
      if (fs.isFile(new Path(dir, k.marker))) return k;
    }
    return null;
  }
}
