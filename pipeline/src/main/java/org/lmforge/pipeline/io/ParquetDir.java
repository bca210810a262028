package org.lmforge.pipeline.io;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lmforge.pipeline.job.UserError;

/**
 * A directory that Spark reads as one Parquet dataset (a clean output's docs/, copied part files):
 * which files Spark reads in it, and the first that is not Parquet. Checked before any Spark work,
 * so that a stray CSV or log file beside the part files is a message naming it, not Spark's "is not
 * a Parquet file" failure from inside a task.
 */
public final class ParquetDir {
  private ParquetDir() {}

  /** A file Spark would read that is not Parquet, and what it is instead. */
  public record Stray(Path file, FileKind kind) {
    @Override
    public String toString() {
      return file + " is " + kind.description();
    }
  }

  /**
   * {@code paths} read as one Parquet dataset. Spark's partition discovery fails with an {@link
   * AssertionError} ("Conflicting directory structures detected") on a directory holding several
   * datasets, say two clean outputs, or a partitioned dataset beside plain part files; that is a
   * {@link UserError} naming the paths and {@code fix}.
   */
  public static Dataset<Row> read(SparkSession spark, String what, String fix, String... paths) {
    try {
      return spark.read().parquet(paths);
    } catch (AssertionError e) {
      String m = String.valueOf(e.getMessage());
      if (!m.contains("Conflicting directory structures")) throw e;
      // the message lists the clashing directories one per line, then Spark's own advice
      List<String> dirs =
          m.lines().skip(1).map(String::strip).takeWhile(l -> !l.isEmpty()).toList();
      String clash =
          String.join(", ", dirs.subList(0, Math.min(3, dirs.size())))
              + (dirs.size() > 3 ? " and " + (dirs.size() - 3) + " more" : "");
      throw UserError.of(
          what + " is not one Parquet dataset:",
          String.join(", ", paths)
              + " holds Parquet files in directories that conflict ("
              + clash
              + ")",
          fix);
    }
  }

  /** True when Spark would read at least one file under {@code dir}. */
  public static boolean hasDataFiles(FileSystem fs, Path dir) throws IOException {
    return fs.exists(dir) && anyReadBySpark(fs, dir, name -> true);
  }

  /**
   * True when a file Spark would read under {@code dir} is named *.parquet (a partitioned dataset
   * has them in subdirectories): a directory a command may take for Parquet, then checked with
   * {@link #firstNotParquet}.
   */
  public static boolean holdsParquet(FileSystem fs, Path dir) throws IOException {
    return anyReadBySpark(fs, dir, name -> name.endsWith(".parquet"));
  }

  private static boolean anyReadBySpark(FileSystem fs, Path dir, Predicate<String> name)
      throws IOException {
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
    while (it.hasNext()) {
      LocatedFileStatus f = it.next();
      if (readBySpark(dir, f) && name.test(f.getPath().getName())) return true;
    }
    return false;
  }

  /**
   * The first file Spark would read under {@code dir} that is not Parquet, or null when all are. A
   * name ending in ".parquet" is taken at its word (Spark writes them; opening every part file on
   * an object store costs a request each); any other file is judged by its bytes.
   */
  public static Stray firstNotParquet(FileSystem fs, Path dir) throws IOException {
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
    while (it.hasNext()) {
      LocatedFileStatus f = it.next();
      if (!readBySpark(dir, f) || f.getPath().getName().endsWith(".parquet")) continue;
      FileKind kind = FileKind.sniff(fs, f.getPath());
      if (kind != FileKind.PARQUET) return new Stray(f.getPath(), kind);
    }
    return null;
  }

  /**
   * A file, not hidden: Spark skips files and directories whose name starts with '_' or '.'
   * (partition directories such as {@code _col=1} excepted).
   */
  private static boolean readBySpark(Path root, LocatedFileStatus f) {
    if (!f.isFile()) return false;
    for (Path p = f.getPath(); p != null && !p.equals(root); p = p.getParent()) {
      String n = p.getName();
      if ((n.startsWith("_") && !n.contains("=")) || n.startsWith(".")) return false;
    }
    return true;
  }
}
