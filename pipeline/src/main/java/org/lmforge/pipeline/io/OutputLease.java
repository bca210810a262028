package org.lmforge.pipeline.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ShutdownHookManager;

/**
 * A job's claim on the directory it writes: the file {@value #FILE} in it, naming the writer and
 * rewritten every {@link #RENEW_SECONDS} s while the job runs, so that a second job started on the
 * same output can tell a directory being written (refused) from one a killed job left (taken over).
 * The claim lapses {@link #LAPSE_SECONDS} s after its last renewal; a JVM that shuts down (Ctrl-C)
 * removes it at once. The file is hidden from Spark and Hadoop readers (a leading underscore) and
 * removed before the output is marked complete. Ages compare the file system's modification time
 * with this machine's clock, so clocks may differ by up to the margin between the two intervals.
 */
final class OutputLease implements AutoCloseable {
  static final String FILE = "_WRITING";
  static final int RENEW_SECONDS = 10;
  static final int LAPSE_SECONDS = 60;

  /** The live claim of another writer on a directory: who, and how long ago it was renewed. */
  record Holder(Path dir, String writer, long secondsAgo) {
    String describe() {
      return dir + " is being written by " + writer + " (claim renewed " + secondsAgo + " s ago)";
    }
  }

  private final FileSystem fs;
  private final Path file;
  private final String writer;
  private final ScheduledExecutorService renewal;
  private final Runnable onShutdown;
  private boolean released;

  private OutputLease(FileSystem fs, Path dir) throws IOException {
    this.fs = fs;
    this.file = new Path(dir, FILE);
    this.writer =
        "process "
            + ProcessHandle.current().pid()
            + " on "
            + InetAddress.getLocalHost().getHostName()
            + ", started "
            + Instant.now();
    write();
    this.renewal =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "output-lease " + dir.getName());
              t.setDaemon(true);
              return t;
            });
    renewal.scheduleAtFixedRate(this::renew, RENEW_SECONDS, RENEW_SECONDS, TimeUnit.SECONDS);
    // before Hadoop's own hook closes the file systems
    this.onShutdown = this::close;
    ShutdownHookManager.get().addShutdownHook(onShutdown, FileSystem.SHUTDOWN_HOOK_PRIORITY + 1);
  }

  /** Claims {@code dir} (which exists) for this process until {@link #close}. */
  static OutputLease claim(FileSystem fs, Path dir) throws IOException {
    return new OutputLease(fs, dir);
  }

  /** Another writer's live claim on {@code dir}, or null when there is none or it has lapsed. */
  static Holder holder(FileSystem fs, Path dir) throws IOException {
    Path f = new Path(dir, FILE);
    FileStatus st;
    try {
      st = fs.getFileStatus(f);
    } catch (java.io.FileNotFoundException none) {
      return null;
    }
    long ago = Math.max(0, (System.currentTimeMillis() - st.getModificationTime()) / 1000);
    if (ago >= LAPSE_SECONDS) return null;
    String writer;
    try (InputStream in = fs.open(f)) {
      writer = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException gone) { // released between the two calls
      return null;
    }
    return new Holder(dir, writer.isEmpty() ? "another job" : writer, ago);
  }

  private void write() throws IOException {
    try (OutputStream o = fs.create(file, true)) {
      o.write(writer.getBytes(StandardCharsets.UTF_8));
    }
  }

  private synchronized void renew() {
    if (released) return;
    try {
      write();
    } catch (IOException e) {
      // the next renewal tries again; the claim lapses only after LAPSE_SECONDS without one
    }
  }

  /** Stops renewing and removes the claim. Idempotent. */
  @Override
  public synchronized void close() {
    if (released) return;
    released = true;
    renewal.shutdownNow();
    if (!ShutdownHookManager.get().isShutdownInProgress()) {
      ShutdownHookManager.get().removeShutdownHook(onShutdown);
    }
    try {
      fs.delete(file, false);
    } catch (IOException e) {
      // it lapses by itself
    }
  }
}
