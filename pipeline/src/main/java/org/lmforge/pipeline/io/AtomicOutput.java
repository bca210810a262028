package org.lmforge.pipeline.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lmforge.pipeline.job.UserError;

/**
 * A job output directory committed all at once: everything is written under a staging sibling
 * ({@code <out>.staging-<run>}), and {@link #commit()} renames it to {@code <out>}. A killed job leaves only a
 * staging directory, which the next run removes; {@code <out>} is either absent or complete. (Directory
 * rename is atomic on HDFS and local file systems; on S3 it is a copy, so point outputs at HDFS or accept
 * that a crash during commit leaves a partial copy without {@code _COMPLETE}.)
 */
public final class AtomicOutput {
  public static final String COMPLETE_MARKER = "_COMPLETE";

  private final FileSystem fs;
  private final Path finalDir;
  private final Path staging;

  private AtomicOutput(FileSystem fs, Path finalDir, Path staging) {
    this.fs = fs;
    this.finalDir = finalDir;
    this.staging = staging;
  }

  /**
   * Prepares a staging directory for {@code out}; removes stale staging directories of killed runs.
   *
   * @throws UserError when {@code out} exists and {@code overwrite} is false
   */
  public static AtomicOutput begin(String out, boolean overwrite, Configuration conf, String key) throws IOException {
    Path finalDir = check(out, overwrite, conf, key);
    FileSystem fs = finalDir.getFileSystem(conf);
    Path parent = finalDir.getParent();
    fs.mkdirs(parent);
    for (FileStatus st : fs.listStatus(parent)) {
      if (st.getPath().getName().startsWith(finalDir.getName() + ".staging-")) {
        fs.delete(st.getPath(), true);
      }
    }
    Path staging = new Path(parent, finalDir.getName() + ".staging-" + UUID.randomUUID().toString().substring(0, 8));
    fs.mkdirs(staging);
    return new AtomicOutput(fs, finalDir, staging);
  }

  /**
   * Checks that {@code out} may be written (before any work): absent, or {@code overwrite}.
   *
   * @return the qualified output path
   * @throws UserError when {@code out} exists and {@code overwrite} is false, or is a root directory
   */
  public static Path check(String out, boolean overwrite, Configuration conf, String key) throws IOException {
    Path finalDir = InputFiles.path(out, key);
    FileSystem fs = finalDir.getFileSystem(conf);
    finalDir = fs.makeQualified(finalDir);
    String job = key.replaceAll("\\.[^.]+$", "");
    if (finalDir.getParent() == null) {
      throw UserError.of("the output is a root directory:", finalDir + " (" + key + ")", "give a subdirectory");
    }
    if (fs.exists(finalDir) && !overwrite) {
      boolean complete = fs.exists(new Path(finalDir, COMPLETE_MARKER));
      throw UserError.of("the output already exists" + (complete ? " (a complete " + job + " output):" : ":"),
          finalDir + " (" + key + ")", "choose another path, or pass --overwrite (--conf " + job
              + ".overwrite=true) to replace it");
    }
    return finalDir;
  }

  /** Path of a child inside the staging directory (where the job writes). */
  public String path(String child) {
    return new Path(staging, child).toString();
  }

  public String finalPath() {
    return finalDir.toString();
  }

  public void writeString(String child, String content) throws IOException {
    try (OutputStream o = fs.create(new Path(staging, child), true)) {
      o.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Marks the output complete and moves it into place, replacing an old output when allowed. */
  public void commit() throws IOException {
    writeString(COMPLETE_MARKER, "");
    if (fs.exists(finalDir)) {
      Path old = new Path(finalDir.getParent(), finalDir.getName() + ".old-" + UUID.randomUUID().toString().substring(0, 8));
      if (!fs.rename(finalDir, old)) {
        throw new IOException("cannot move the old output " + finalDir + " aside");
      }
      rename();
      fs.delete(old, true);
    } else {
      rename();
    }
  }

  private void rename() throws IOException {
    if (!fs.rename(staging, finalDir)) {
      throw new IOException("cannot rename " + staging + " to " + finalDir);
    }
  }

  /** Removes the staging directory after a failure. */
  public void abort() {
    try {
      fs.delete(staging, true);
    } catch (IOException ignored) {
      // a later run removes stale staging directories anyway
    }
  }
}
