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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ShutdownHookManager;

/**
 * A job's claim on the directory it writes: the file {@value #FILE} in it, naming the writer and
 * rewritten every {@link #RENEW_SECONDS} s while the job runs, so that a second job started on the
 * same output can tell a directory being written (refused) from one a killed job left (taken over).
 * The claim lapses {@link #LAPSE_SECONDS} s after its last renewal, at once when its process is
 * known dead (same host, pid gone), and a JVM that shuts down (Ctrl-C) removes it. The file is
 * hidden from Spark and Hadoop readers (a leading underscore) and removed once the output is
 * committed. Ages compare the file system's modification time with this machine's clock, so clocks
 * may differ by up to the margin between the two intervals.
 */
final class OutputLease implements AutoCloseable {
  static final String FILE = "_WRITING";
  static final int RENEW_SECONDS = 10;
  static final int LAPSE_SECONDS = 60;
  private static final Pattern WRITER = Pattern.compile("^process (\\d+) on (\\S+),");
  private static final String HOST = hostName();

  /** The live claim of another writer on a directory: who, and how long ago it was renewed. */
  record Holder(Path dir, String writer, long secondsAgo) {
    String describe() {
      return dir + " is being written by " + writer + " (claim renewed " + secondsAgo + " s ago)";
    }
  }

  private final FileSystem fs;
  private Path file; // moves with the directory a commit renames
  private final String writer;
  private final ScheduledExecutorService renewal;
  private final Runnable onShutdown = this::close;
  private boolean paused; // a commit is moving the directory
  private boolean released;

  private OutputLease(FileSystem fs, Path dir, boolean takeOver) throws IOException {
    this.fs = fs;
    this.file = new Path(dir, FILE);
    this.writer =
        "process " + ProcessHandle.current().pid() + " on " + HOST + ", started " + Instant.now();
    // before Hadoop's own hook closes the file systems; first, so nothing is left if it throws
    ShutdownHookManager.get().addShutdownHook(onShutdown, FileSystem.SHUTDOWN_HOOK_PRIORITY + 1);
    try {
      write(takeOver);
    } catch (IOException | RuntimeException e) {
      released = true;
      removeHook();
      throw e;
    }
    this.renewal =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "output-lease " + dir.getName());
              t.setDaemon(true);
              return t;
            });
    renewal.scheduleAtFixedRate(this::renew, RENEW_SECONDS, RENEW_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * Claims {@code dir} (which exists) for this process until {@link #close}.
   *
   * @param takeOver replace a claim already there (one {@link #holder} found lapsed); otherwise a
   *     claim written in between by another job makes this one fail with {@link
   *     FileAlreadyExistsException}
   */
  static OutputLease claim(FileSystem fs, Path dir, boolean takeOver) throws IOException {
    return new OutputLease(fs, dir, takeOver);
  }

  /**
   * Another writer's live claim on {@code dir}, or null when there is none, it has lapsed or its
   * process is gone. A claim renewed lately whose file cannot be read (being rewritten) is live.
   */
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
    String writer = "";
    try (InputStream in = fs.open(f)) {
      writer = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException beingRewritten) {
      // renewed seconds ago: a writer is there, whoever it is
    }
    if (processGone(writer)) return null;
    return new Holder(dir, writer.isEmpty() ? "another job" : writer, ago);
  }

  /** The writer ran on this host and its process is no longer alive (killed, crashed). */
  private static boolean processGone(String writer) {
    Matcher m = WRITER.matcher(writer);
    if (!m.find()) return false;
    if (!m.group(2).equals(HOST)) return false;
    return ProcessHandle.of(Long.parseLong(m.group(1))).map(p -> !p.isAlive()).orElse(true);
  }

  /** This machine's name; a host whose name does not resolve is still named (never an error). */
  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException unresolved) {
      String env = System.getenv("HOSTNAME");
      return env == null || env.isBlank() ? "unknown-host" : env.strip();
    }
  }

  private void write(boolean replace) throws IOException {
    try (OutputStream o = fs.create(file, replace)) {
      o.write(writer.getBytes(StandardCharsets.UTF_8));
    }
  }

  private synchronized void renew() {
    if (released || paused) return;
    try {
      write(true);
    } catch (IOException | RuntimeException e) {
      // the next renewal tries again; the claim lapses only after LAPSE_SECONDS without one (an
      // exception escaping here would cancel every later renewal)
    }
  }

  /**
   * Renews the claim once more and holds it, unrenewed, while a commit renames the directory: it
   * stays valid for {@link #LAPSE_SECONDS} s, and {@link #movedTo} and {@link #close} then remove
   * it from where the directory went.
   */
  synchronized void pauseForMove() {
    if (released) return;
    renew();
    paused = true;
  }

  /** The directory was renamed to {@code newDir}: the claim file is there now. */
  synchronized void movedTo(Path newDir) {
    file = new Path(newDir, FILE);
  }

  /** Stops renewing and removes the claim. Idempotent; never throws (it is called on shutdown). */
  @Override
  public synchronized void close() {
    if (released) return;
    released = true;
    renewal.shutdownNow();
    try {
      removeHook();
    } finally {
      try {
        fs.delete(file, false);
      } catch (IOException | RuntimeException e) {
        // it lapses by itself
      }
    }
  }

  private void removeHook() {
    try {
      ShutdownHookManager.get().removeShutdownHook(onShutdown);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: nothing to remove
    }
  }
}
