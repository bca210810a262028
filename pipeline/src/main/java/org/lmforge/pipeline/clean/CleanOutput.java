package org.lmforge.pipeline.clean;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lmforge.pipeline.io.AtomicOutput;
import org.lmforge.pipeline.io.InputFiles;
import org.lmforge.pipeline.io.OutputKind;
import org.lmforge.pipeline.io.ParquetDir;
import org.lmforge.pipeline.job.UserError;

/**
 * The layout of a written clean output ({@link CleanStage}), for the commands that read one
 * (show-docs, tokenize) to tell a complete output from an unfinished one, a part of one, or
 * something else, before any Spark work.
 */
public final class CleanOutput {
  private CleanOutput() {}

  public static final String DOCS = "docs";
  public static final String REJECTED = "rejected";
  public static final String QUARANTINE = "quarantine";
  public static final String STATS = OutputKind.CLEAN.marker();
  public static final String DEDUP_CLUSTERS = "dedup-clusters";

  /**
   * A complete clean output: stats.json (and no marker of another kind of output: a tokenize output
   * holds a stats.json too) and the completion marker.
   */
  public static boolean isComplete(FileSystem fs, Path dir) throws IOException {
    return OutputKind.of(fs, dir) == OutputKind.CLEAN && AtomicOutput.isComplete(fs, dir);
  }

  /** What a command given a clean output's quarantine/ as its documents is told it was given. */
  public static final String QUARANTINE_NOT_DOCS =
      "the clean output's quarantine (the records that failed), not its documents:";

  /**
   * The complete clean output whose quarantine/ {@code p} is, or null: Parquet with an error column
   * instead of text, which a command reading documents names rather than misreads.
   */
  public static Path quarantineOwner(FileSystem fs, Path p) throws IOException {
    Path above = p.getParent();
    return p.getName().equals(QUARANTINE) && above != null && isComplete(fs, above) ? above : null;
  }

  /**
   * Checks that {@code dir} is a complete clean output (or its docs/ or rejected/), for show-docs.
   *
   * @return what to read: {@code dir}, or only its docs/ or rejected/ when the other holds no
   *     document; null when the clean job wrote no document at all (a valid, empty result)
   * @throws UserError for a missing path, a file, an unfinished output or a directory of another
   *     kind
   */
  public static String documents(String dir, Configuration conf) throws IOException {
    Path p = InputFiles.path(dir, "--input");
    FileSystem fs = p.getFileSystem(conf);
    String fix = "give a clean job's output directory (e.g. work/clean)";
    if (!fs.exists(p)) {
      throw UserError.of("no such clean output:", dir, fix);
    }
    FileStatus st = fs.getFileStatus(p);
    if (st.isFile()) {
      throw UserError.of("not a clean output:", dir + " is a file", fix);
    }
    Path above = quarantineOwner(fs, p);
    if (above != null) {
      throw UserError.of(
          QUARANTINE_NOT_DOCS, dir, "give the clean output itself: --input " + above);
    }
    Path root = p;
    if ((p.getName().equals(DOCS) || p.getName().equals(REJECTED)) && p.getParent() != null) {
      root = p.getParent();
    }
    if (AtomicOutput.isStaging(root)) {
      throw UserError.of(
          "an unfinished clean output:",
          dir,
          "the clean job that writes it was killed or is "
              + "still running; re-run it (its output appears as "
              + AtomicOutput.finalName(root)
              + " when complete)");
    }
    OutputKind kind = OutputKind.of(fs, root);
    if (kind != null && kind != OutputKind.CLEAN) {
      throw UserError.of(kind.label() + ", not a clean output:", dir, fix);
    }
    if (!isComplete(fs, root)) {
      if (!ParquetDir.hasDataFiles(fs, root)) {
        throw UserError.of("not a clean output:", dir + " is empty", fix);
      }
      if (!fs.exists(new Path(root, DOCS)) && !fs.exists(new Path(root, REJECTED))) {
        // Parquet with the clean columns (e.g. copied docs/): SampleListing checks the columns
        ParquetDir.Stray odd = ParquetDir.firstNotParquet(fs, root);
        if (odd != null) {
          throw UserError.of(
              "not a clean output:", dir + " holds files that are not Parquet (" + odd + ")", fix);
        }
        return dir;
      }
      throw UserError.of(
          "an incomplete clean output (no " + STATS + " or " + AtomicOutput.COMPLETE_MARKER + "):",
          dir,
          "re-run the clean job with --overwrite");
    }
    if (root != p) {
      return ParquetDir.hasDataFiles(fs, p) ? dir : null;
    }
    boolean kept = ParquetDir.hasDataFiles(fs, new Path(root, DOCS));
    boolean dropped = ParquetDir.hasDataFiles(fs, new Path(root, REJECTED));
    return kept && dropped
        ? dir
        : kept
            ? new Path(root, DOCS).toString()
            : dropped ? new Path(root, REJECTED).toString() : null;
  }
}
