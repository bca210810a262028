package org.lmforge.model.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where checkpoints live. {@link #write} must be atomic: readers see either the previous complete
 * file or the new complete file, never a partial one (write to a temporary name, then rename). The
 * local implementation is {@link LocalCheckpointStore}; a Hadoop FileSystem one (HDFS/S3A) lives in
 * the pipeline module.
 */
public interface CheckpointStore {
  /** Writes name atomically with the bytes body produces. */
  void write(String name, Body body) throws IOException;

  InputStream open(String name) throws IOException;

  boolean exists(String name) throws IOException;

  /** Human-readable location of name, for messages. */
  String describe(String name);

  @FunctionalInterface
  interface Body {
    void writeTo(OutputStream out) throws IOException;
  }
}
