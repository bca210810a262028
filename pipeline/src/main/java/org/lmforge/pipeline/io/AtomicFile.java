package org.lmforge.pipeline.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes one file on any Hadoop FileSystem so that readers see the old content or the new, never
 * half: the bytes go to a hidden temporary sibling, which is renamed over the target (atomic on
 * HDFS and local disks; on S3 a rename is a copy). A killed writer leaves only a temporary file,
 * which the next write ignores. (Whole output directories: {@link AtomicOutput}.)
 */
public final class AtomicFile {
  /** Writes the content to the stream it is given. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFile() {}

  /**
   * Refuses a single-file {@code --output} that names an existing directory (the file would be
   * written inside it under a temporary name and never land), that lies under a file, or that is
   * one of the files the command {@code reads} (writing it would replace its own input): the {@link
   * org.lmforge.pipeline.job.UserError} names it and suggests {@code exampleName}.
   */
  public static void requireFileTarget(
      java.nio.file.Path output, String what, String exampleName, java.nio.file.Path... reads) {
    if (output.toString().isEmpty()) {
      throw org.lmforge.pipeline.job.UserError.of(
          what + " --output is empty:", "\"\"", "give a file name, e.g. " + exampleName);
    }
    if (java.nio.file.Files.isDirectory(output)) {
      throw org.lmforge.pipeline.job.UserError.of(
          what + " --output is a directory:",
          output.toString(),
          "give a file name, e.g. " + output.resolve(exampleName));
    }
    java.nio.file.Path out = output.toAbsolutePath().normalize();
    java.nio.file.Path existing = out.getParent();
    while (existing != null && !java.nio.file.Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && !java.nio.file.Files.isDirectory(existing)) {
      throw org.lmforge.pipeline.job.UserError.of(
          what + " --output is under a file:",
          existing + " is a file, not a directory",
          "give a file name in a directory, e.g. " + existing.resolveSibling(exampleName));
    }
    for (java.nio.file.Path in : reads) {
      if (out.equals(in.toAbsolutePath().normalize())) {
        throw org.lmforge.pipeline.job.UserError.of(
            what + " --output is its input:",
            output + " would be replaced by the output",
            "give another file name, e.g. " + out.resolveSibling(exampleName));
      }
    }
  }

  /**
   * True when the local file {@code target} exists and is not older than any of the {@code inputs}
   * that exist: the completion rule of a single-file output derived from others (a fit from
   * runs.csv, a report from both), which is rewritten whole and so needs no marker.
   */
  public static boolean upToDate(java.nio.file.Path target, java.nio.file.Path... inputs)
      throws IOException {
    if (!java.nio.file.Files.isRegularFile(target)) return false;
    long made = java.nio.file.Files.getLastModifiedTime(target).toMillis();
    for (java.nio.file.Path in : inputs) {
      if (java.nio.file.Files.exists(in)
          && java.nio.file.Files.getLastModifiedTime(in).toMillis() > made) {
        return false;
      }
    }
    return true;
  }

  public static void write(FileSystem fs, Path target, byte[] content) throws IOException {
    write(fs, target, out -> out.write(content));
  }

  public static void write(FileSystem fs, Path target, Body body) throws IOException {
    Path tmp =
        new Path(
            target.getParent(),
            "." + target.getName() + ".tmp-" + UUID.randomUUID().toString().substring(0, 8));
    try (OutputStream out = fs.create(tmp, true)) {
      body.writeTo(out);
    } catch (IOException | RuntimeException e) {
      fs.delete(tmp, false);
      throw e;
    }
    if (fs.exists(target) && !fs.delete(target, false)) {
      throw new IOException("cannot replace " + target);
    }
    if (!fs.rename(tmp, target)) {
      throw new IOException("cannot rename " + tmp + " to " + target);
    }
  }
}
