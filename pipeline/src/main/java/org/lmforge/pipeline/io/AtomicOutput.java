package org.lmforge.pipeline.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lmforge.pipeline.job.UserError;

/**
 * The one way a job commits an output directory, on any Hadoop FileSystem, and the one completion
 * marker, {@value #COMPLETE_MARKER}, written last. Two ways to write:
 *
 * <ul>
 *   <li>{@linkplain #begin staged} (clean, tokenize): everything goes under a sibling {@code
 *       <out>.staging-<run>}, which {@link #commit()} marks complete and renames to {@code <out>},
 *       so {@code <out>} is absent, the old output, or complete. A killed job leaves only a staging
 *       directory, which the next run removes; one a running job still claims ({@link OutputLease})
 *       makes the next run stop instead. (Directory rename is atomic on HDFS and local file
 *       systems; on S3 it is a copy, so point outputs at HDFS or accept that a crash during commit
 *       leaves a partial copy without the marker.)
 *   <li>{@linkplain #inPlace in place} (a pretrain run, a sweep): outputs that resume from what
 *       they wrote (checkpoints, finished runs) are written where they live; opening one removes
 *       its marker and {@link #commit()} writes it again, so the marker says the last writer
 *       finished. One another running job claims is refused.
 * </ul>
 *
 * Overwriting is handled here only: a staged commit replaces the old output after the new one is
 * complete; an in-place output is deleted when opened.
 */
public final class AtomicOutput implements AutoCloseable {
  public static final String COMPLETE_MARKER = "_COMPLETE";
  private static final String STAGING = ".staging-";

  private final FileSystem fs;
  private final Path finalDir;
  private final Path dir; // where the job writes: the staging directory, or finalDir in place
  private final boolean overwrite;
  private final OutputLease lease; // this job's claim on dir, until commit or close
  private final boolean createdHere; // in place: the directory did not exist before this job
  private boolean marked; // the marker is written: never removed by close()

  private AtomicOutput(
      FileSystem fs,
      Path finalDir,
      Path dir,
      boolean overwrite,
      OutputLease lease,
      boolean createdHere) {
    this.fs = fs;
    this.finalDir = finalDir;
    this.dir = dir;
    this.overwrite = overwrite;
    this.lease = lease;
    this.createdHere = createdHere;
  }

  /**
   * A staged output: checks {@code out} may be written, removes staging directories of killed runs
   * and creates a fresh one.
   *
   * @param key the configuration key that names {@code out} ({@code clean.output}), for messages
   * @throws UserError when {@code out} holds something and {@code overwrite} is false, or another
   *     running job is writing it
   */
  public static AtomicOutput begin(String out, boolean overwrite, Configuration conf, String key)
      throws IOException {
    Path finalDir = check(out, overwrite, conf, key, List.of()); // inputs: the job's check
    FileSystem fs = finalDir.getFileSystem(conf);
    Path parent = finalDir.getParent();
    String output = finalDir + " (" + key + ")";
    createDirectory(fs, parent, output);
    // claim a staging directory of our own first, then clear the others: two jobs starting at
    // once each see the other's claim
    Path staging =
        new Path(
            parent, finalDir.getName() + STAGING + UUID.randomUUID().toString().substring(0, 8));
    createDirectory(fs, staging, output);
    AtomicOutput opened;
    try {
      opened =
          new AtomicOutput(
              fs, finalDir, staging, overwrite, OutputLease.claim(fs, staging, false), false);
    } catch (IOException | RuntimeException e) {
      fs.delete(staging, true);
      throw e;
    }
    try {
      for (FileStatus st : stagingSiblings(fs, finalDir)) {
        Path other = st.getPath();
        if (other.equals(staging)) continue;
        refuseIfClaimed(fs, other, output);
        if (isComplete(fs, other)) {
          throw UserError.of(
              "a finished output was left beside the output by a commit that did not end:",
              other + " (" + key + ")",
              "keep it (rename it to " + finalDir.getName() + ") or delete it, then run again");
        }
        fs.delete(other, true); // a killed run's
      }
    } catch (IOException | RuntimeException e) {
      opened.close();
      throw e;
    }
    return opened;
  }

  /**
   * Refuses the (qualified) output {@code out} when another running job is writing it (its claim,
   * or its staging directory's), before any work; the job's own opening of the output checks again.
   */
  private static void requireUnclaimed(FileSystem fs, Path out, String output) throws IOException {
    refuseIfClaimed(fs, out, output);
    for (FileStatus st : stagingSiblings(fs, out)) {
      refuseIfClaimed(fs, st.getPath(), output);
    }
  }

  /** What stands beside {@code out} under a staging name ({@code <out>.staging-<run>}). */
  private static List<FileStatus> stagingSiblings(FileSystem fs, Path out) throws IOException {
    Path parent = out.getParent();
    if (parent == null || !fs.exists(parent)) return List.of();
    return Arrays.stream(fs.listStatus(parent))
        .filter(st -> st.getPath().getName().startsWith(out.getName() + STAGING))
        .toList();
  }

  /**
   * An in-place output: with {@code replace} an existing {@code out} is deleted first; otherwise
   * what is there is kept (to resume from) and only its completion marker removed. Whether {@code
   * out} may exist at all is the caller's check (a pretrain run without --resume refuses it, a
   * sweep resumes it).
   *
   * @throws UserError when another running job is writing {@code out}
   */
  public static AtomicOutput inPlace(String out, boolean replace, Configuration conf)
      throws IOException {
    Path p = new Path(out);
    FileSystem fs = p.getFileSystem(conf);
    p = fs.makeQualified(p);
    refuseIfClaimed(fs, p, p.toString());
    if (replace) refuseIfClaimedBelow(fs, p, p.toString());
    boolean created = !fs.exists(p);
    if (replace && !created && !fs.delete(p, true)) {
      throw new IOException("cannot delete the old output " + p);
    }
    createDirectory(fs, p, p.toString());
    OutputLease lease;
    try {
      lease = OutputLease.claim(fs, p, false);
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException claimed) {
      refuseIfClaimed(fs, p, p.toString()); // claimed in between, or a lapsed claim left there
      lease = OutputLease.claim(fs, p, true);
    }
    fs.delete(new Path(p, COMPLETE_MARKER), false);
    return new AtomicOutput(fs, p, p, replace, lease, created);
  }

  /**
   * Creates {@code dir} for the output {@code output}; a location the file system refuses (no
   * permission, a file in the way, a read-only place) is the user's to change.
   */
  private static void createDirectory(FileSystem fs, Path dir, String output) throws IOException {
    String why;
    try {
      if (fs.mkdirs(dir)) return;
      why = "the file system refused to create " + dir;
    } catch (org.apache.hadoop.security.AccessControlException
        | org.apache.hadoop.fs.ParentNotDirectoryException
        | org.apache.hadoop.fs.FileAlreadyExistsException e) {
      why = e.getMessage();
    }
    throw UserError.of(
        "the output cannot be created:",
        output + ": " + why,
        "choose an output location this job may write to");
  }

  /**
   * Before an output is replaced: no running job writes anywhere inside it (a run or an output put
   * below it). Lists the whole tree, which only replacing it costs anyway.
   */
  private static void refuseIfClaimedBelow(FileSystem fs, Path dir, String output)
      throws IOException {
    if (!fs.exists(dir) || !fs.getFileStatus(dir).isDirectory()) return;
    org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> files =
        fs.listFiles(dir, true);
    while (files.hasNext()) {
      Path f = files.next().getPath();
      if (f.getName().equals(OutputLease.FILE)) refuseIfClaimed(fs, f.getParent(), output);
    }
  }

  /** Stops a second job from writing (or deleting) a directory a running job is writing. */
  private static void refuseIfClaimed(FileSystem fs, Path dir, String output) throws IOException {
    OutputLease.Holder h = OutputLease.holder(fs, dir);
    if (h != null) {
      throw UserError.of(
          "another job is writing this output:",
          output + ": " + h.describe(),
          "wait for that job to finish, or stop it; the claim of a job that was killed lapses "
              + OutputLease.LAPSE_SECONDS
              + " s after its last renewal (or delete "
              + new Path(dir, OutputLease.FILE)
              + " if you are sure no job is running)");
    }
  }

  /**
   * Checks that {@code out} may be written (before any work): {@link #checkPlace a place an output
   * may go}, and absent, an empty directory, or {@code overwrite}.
   *
   * @return the qualified output path
   * @throws UserError when {@code out} holds something and {@code overwrite} is false, or may not
   *     go there
   */
  public static Path check(
      String out, boolean overwrite, Configuration conf, String key, List<String> inputs)
      throws IOException {
    Path finalDir = checkPlace(out, inputs, conf, key);
    FileSystem fs = finalDir.getFileSystem(conf);
    String job = key.replaceAll("\\.[^.]+$", "");
    if (overwrite) refuseIfClaimedBelow(fs, finalDir, finalDir + " (" + key + ")");
    if (!overwrite && holdsSomething(fs, finalDir)) {
      throw UserError.of(
          "the output already exists"
              + (isComplete(fs, finalDir) ? " (a complete " + job + " output):" : ":"),
          finalDir + " (" + key + ")",
          "choose another path, or pass --overwrite (--conf "
              + job
              + ".overwrite=true) to replace it");
    }
    return finalDir;
  }

  /**
   * Refuses an output directory that cannot go where {@code out} puts it: a root directory, a path
   * under a file, one of the job's inputs (a path or what a glob matches) or a directory above one
   * (writing it, or replacing it with --overwrite, would delete what the job reads), or an output
   * another running job is writing.
   *
   * @return the qualified output path
   */
  public static Path checkPlace(String out, List<String> inputs, Configuration conf, String key)
      throws IOException {
    Path o = InputFiles.path(out, key);
    FileSystem outFs = o.getFileSystem(conf);
    o = outFs.makeQualified(o);
    if (o.getParent() == null) {
      throw UserError.of(
          "the output is a root directory:", o + " (" + key + ")", "give a subdirectory");
    }
    Path existing = o.getParent();
    while (existing != null && !outFs.exists(existing)) existing = existing.getParent();
    if (existing != null && !outFs.getFileStatus(existing).isDirectory()) {
      throw UserError.of(
          "the output is under a file:",
          o + " (" + key + "): " + existing + " is a file, not a directory",
          "choose an output inside a directory");
    }
    for (String in : inputs) {
      Path p;
      try {
        p = new Path(in);
      } catch (IllegalArgumentException notAPath) {
        continue; // the job's own check of its inputs names it
      }
      FileSystem fs = p.getFileSystem(conf);
      FileStatus[] matches = InputFiles.glob(fs, p);
      List<Path> paths =
          matches.length == 0
              ? List.of(fs.makeQualified(p))
              : Arrays.stream(matches).map(FileStatus::getPath).toList();
      for (Path q : paths) {
        for (Path up = q; up != null; up = up.getParent()) {
          if (up.equals(o)) {
            throw UserError.of(
                "the output would replace an input:",
                o + " (" + key + ")" + (q.equals(o) ? " is " : " holds ") + q,
                "choose an output outside the inputs");
          }
        }
      }
    }
    requireUnclaimed(outFs, o, o + " (" + key + ")");
    return o;
  }

  /** True when {@code dir} holds the completion marker. */
  public static boolean isComplete(FileSystem fs, Path dir) throws IOException {
    return fs.exists(new Path(dir, COMPLETE_MARKER));
  }

  /** True when the output {@code out} (any Hadoop URI) holds the completion marker. */
  public static boolean isComplete(String out, Configuration conf) throws IOException {
    Path p = new Path(out);
    return isComplete(p.getFileSystem(conf), p);
  }

  /** True for the staging directory of a staged output ({@code <out>.staging-<run>}). */
  public static boolean isStaging(Path dir) {
    return dir.getName().contains(STAGING);
  }

  /** The name of the output a staging directory becomes. */
  public static String finalName(Path staging) {
    return staging.getName().substring(0, staging.getName().indexOf(STAGING));
  }

  /**
   * A staging directory beside {@code out}: a job writing it was killed or is still running; null
   * when none.
   */
  public static Path stagingOf(FileSystem fs, Path out) throws IOException {
    return stagingSiblings(fs, out).stream()
        .filter(FileStatus::isDirectory)
        .map(FileStatus::getPath)
        .findFirst()
        .orElse(null);
  }

  /** Where the job writes (the staging directory, or the output itself in place). */
  public Path dir() {
    return dir;
  }

  public FileSystem fs() {
    return fs;
  }

  /** Path of a child where the job writes. */
  public String path(String child) {
    return new Path(dir, child).toString();
  }

  public String finalPath() {
    return finalDir.toString();
  }

  public void writeString(String child, String content) throws IOException {
    try (OutputStream o = fs.create(new Path(dir, child), true)) {
      o.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * Writes the completion marker; a staged output then moves into place, replacing an old one when
   * allowed.
   */
  public void commit() throws IOException {
    lease.pauseForMove(); // held, not renewed, while the directory moves; removed at the end
    writeString(COMPLETE_MARKER, "");
    marked = true;
    if (dir.equals(finalDir)) {
      lease.close();
      return;
    }
    if (fs.exists(finalDir)) {
      if (!overwrite && holdsSomething(fs, finalDir)) {
        throw UserError.of(
            "the output appeared while the job ran (another run writing there?):",
            finalDir.toString(),
            "the new output is left in " + dir + "; keep one of the two and rename it");
      }
      Path old =
          new Path(
              finalDir.getParent(),
              finalDir.getName() + ".old-" + UUID.randomUUID().toString().substring(0, 8));
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
    if (!fs.rename(dir, finalDir)) {
      throw new IOException(
          "cannot rename " + dir + " to " + finalDir + "; the finished output is left there");
    }
    lease.movedTo(finalDir);
    lease.close(); // the claim is not part of the output
  }

  /**
   * Gives up this job's claim and, after a failure, removes the staging directory; removes nothing
   * once {@link #commit()} has marked it complete (a commit that failed leaves it for the user),
   * nor from an in-place output (kept to resume from). For try-with-resources around the job.
   */
  @Override
  public void close() {
    try {
      lease.close();
    } finally {
      removeUnfinished();
    }
  }

  /**
   * An unfinished staging directory goes; so does an in-place output this job created and left
   * empty (a sweep whose plan turned out to have no run), so a refused job leaves nothing behind.
   * What an in-place job did write stays for its resume.
   */
  private void removeUnfinished() {
    if (marked) return;
    try {
      if (!dir.equals(finalDir)) {
        fs.delete(dir, true);
      } else if (createdHere && fs.listStatus(dir).length == 0) {
        fs.delete(dir, false); // not recursive: another job's claim in it keeps it
      }
    } catch (IOException ignored) {
      // a later run removes stale staging directories anyway
    }
  }

  /** A file, or a directory with anything in it. */
  private static boolean holdsSomething(FileSystem fs, Path p) throws IOException {
    if (!fs.exists(p)) return false;
    FileStatus st = fs.getFileStatus(p);
    return st.isFile() || fs.listStatus(p).length > 0;
  }
}
