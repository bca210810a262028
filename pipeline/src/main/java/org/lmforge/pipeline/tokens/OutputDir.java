package org.lmforge.pipeline.tokens;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lmforge.pipeline.job.UserError;

/**
 * Atomic output: everything is written under a temporary sibling ({@code .<name>.tokenize-tmp}, hidden from
 * Hadoop listings by its leading dot) and renamed into place at the end, so {@code <out>} is either absent,
 * the old output, or complete. A temp dir left by a killed run is deleted first.
 */
final class OutputDir {
  final FileSystem fs;
  final Path out;
  final Path tmp;
  private final boolean overwrite;

  private OutputDir(FileSystem fs, Path out, Path tmp, boolean overwrite) {
    this.fs = fs;
    this.out = out;
    this.tmp = tmp;
    this.overwrite = overwrite;
  }

  /** Checks {@code output} may be written and creates a fresh temp dir beside it. */
  static OutputDir prepare(Configuration conf, String output, boolean overwrite) throws IOException {
    Path out = check(conf, output, overwrite);
    FileSystem fs = out.getFileSystem(conf);
    Path tmp = new Path(out.getParent(), "." + out.getName() + ".tokenize-tmp");
    if (fs.exists(tmp)) fs.delete(tmp, true); // left by a killed run
    fs.mkdirs(tmp);
    return new OutputDir(fs, out, tmp, overwrite);
  }

  /**
   * Checks {@code output} may be written: absent, an empty directory, or {@code overwrite}.
   *
   * @return the qualified output path
   * @throws UserError when it is a root directory or already holds something and overwrite is not set
   */
  static Path check(Configuration conf, String output, boolean overwrite) throws IOException {
    Path out = new Path(output);
    FileSystem fs = out.getFileSystem(conf);
    out = fs.makeQualified(out);
    if (out.getParent() == null) {
      throw UserError.of("the tokenize output is a root directory:", out.toString(), "give a subdirectory");
    }
    if (fs.exists(out) && !overwrite) {
      FileStatus st = fs.getFileStatus(out);
      boolean empty = st.isDirectory() && fs.listStatus(out).length == 0;
      if (!empty) {
        boolean complete = fs.exists(new Path(out, ShardFiles.MANIFEST));
        throw UserError.of("the tokenize output already exists" + (complete ? " and is complete (it has "
                + ShardFiles.MANIFEST + "):" : " and is not a tokenize output:"), out.toString(),
            "choose another --output, or pass --overwrite (tokenize.overwrite = true) to replace it");
      }
    }
    return out;
  }

  /** {@code tmp/rel}. */
  Path inTmp(String rel) {
    return new Path(tmp, rel);
  }

  /** Renames the temp dir into place, replacing an old output when overwriting. */
  void commit() throws IOException {
    if (fs.exists(out)) {
      if (!overwrite && fs.listStatus(out).length > 0) {
        throw UserError.of("the tokenize output appeared while the job ran (another run writing there?):",
            out.toString(), "the new output is left in " + tmp + "; keep one of the two and rename it");
      }
      fs.delete(out, true);
    }
    fs.mkdirs(out.getParent());
    if (!fs.rename(tmp, out)) throw new IOException("could not rename " + tmp + " to " + out + "; the finished output is left in " + tmp);
  }
}
