package org.lmforge.pipeline.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** Expands input paths (files, directories, globs; any Hadoop FileSystem) to a sorted list of files. */
public final class InputFiles {
  private InputFiles() {}

  /** A file and its size in bytes. */
  public record InputFile(String path, long bytes) {}

  /**
   * @throws IllegalArgumentException naming the pattern when one matches nothing
   */
  public static List<InputFile> expand(List<String> patterns, Configuration conf, String key) throws IOException {
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException(key + " is empty: give at least one file, directory or glob");
    }
    TreeMap<String, Long> files = new TreeMap<>();
    for (String pattern : patterns) {
      Path p = new Path(pattern);
      FileSystem fs = p.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(p);
      if (matches == null || matches.length == 0) {
        throw new IllegalArgumentException(key + ": nothing matches '" + pattern
            + "' (check the path; files, directories and globs such as s3a://bucket/crawl/*.warc.gz work)");
      }
      for (FileStatus st : matches) {
        if (st.isDirectory()) {
          RemoteIterator<LocatedFileStatus> it = fs.listFiles(st.getPath(), true);
          while (it.hasNext()) {
            LocatedFileStatus f = it.next();
            if (f.isFile() && !hidden(f.getPath())) {
              files.put(f.getPath().toString(), f.getLen());
            }
          }
        } else {
          files.put(st.getPath().toString(), st.getLen());
        }
      }
    }
    List<InputFile> out = new ArrayList<>();
    files.forEach((k, v) -> out.add(new InputFile(k, v)));
    return out;
  }

  /** Spark/Hadoop side files (_SUCCESS, .crc) and documentation next to crawl files are not input. */
  private static boolean hidden(Path p) {
    String n = p.getName();
    return n.startsWith("_") || n.startsWith(".") || n.endsWith(".crc") || n.endsWith(".md");
  }
}
