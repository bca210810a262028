package org.lmforge.pipeline.job;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Paths the user gave (any Hadoop URI), checked before a job reads them. */
public final class UserPaths {
  private UserPaths() {}

  /**
   * The file system of {@code path}, which must exist; else a {@link UserError} {@code <what>
   * <where>; <fix>}.
   */
  public static FileSystem existing(
      Path path, Configuration conf, String what, String where, String fix) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    if (!fs.exists(path)) throw UserError.of(what, where, fix);
    return fs;
  }
}
