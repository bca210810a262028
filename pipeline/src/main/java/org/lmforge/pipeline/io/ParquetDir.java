package org.lmforge.pipeline.io;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * A directory that Spark reads as one Parquet dataset (a clean output's docs/, copied part files):
 * which files Spark reads in it, and the first that is not Parquet. Checked before any Spark work,
 * so that a stray CSV or log file beside the part files is a message naming it, not Spark's "is not
 * a Parquet file" failure from inside a task.
 */
public final class ParquetDir {
  private ParquetDir() {}

  /** True when Spark would read at least one file under {@code dir}. */
  public static boolean hasDataFiles(FileSystem fs, Path dir) throws IOException {
    return fs.exists(dir) && firstDataFile(fs, dir, false) != null;
  }

  /**
   * The first file Spark would read under {@code dir} that is not Parquet, or null when all are. A
   * name ending in ".parquet" is taken at its word (Spark writes them; opening every part file on
   * an object store costs a request each); any other file is judged by its bytes.
   */
  public static Path firstNotParquet(FileSystem fs, Path dir) throws IOException {
    return firstDataFile(fs, dir, true);
  }

  private static Path firstDataFile(FileSystem fs, Path dir, boolean notParquet)
      throws IOException {
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
    while (it.hasNext()) {
      LocatedFileStatus f = it.next();
      Path p = f.getPath();
      if (!f.isFile() || hiddenBySpark(dir, p)) continue;
      if (!notParquet) return p;
      if (!p.getName().endsWith(".parquet") && FileKind.sniff(fs, p) != FileKind.PARQUET) return p;
    }
    return null;
  }

  /**
   * Spark skips files and directories whose name starts with '_' or '.' (partition directories such
   * as {@code _col=1} excepted).
   */
  static boolean hiddenBySpark(Path root, Path file) {
    for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
      String n = p.getName();
      if ((n.startsWith("_") && !n.contains("=")) || n.startsWith(".")) return true;
    }
    return false;
  }
}
