package org.lmforge.pipeline.io;

import java.io.FileNotFoundException;
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
import org.lmforge.pipeline.job.UserError;

/**
 * Expands input paths (files, directories, globs; any Hadoop FileSystem) to a sorted list of files.
 */
public final class InputFiles {
  private InputFiles() {}

  /** A file and its size in bytes. */
  public record InputFile(String path, long bytes) {}

  /**
   * What input patterns expand to: the files, and the directories that hold none (reported, not an
   * error).
   */
  public record Listing(List<InputFile> files, List<String> emptyDirectories) {}

  /**
   * The files of {@code patterns}, sorted.
   *
   * @throws UserError naming the pattern when one matches nothing
   */
  public static List<InputFile> expand(List<String> patterns, Configuration conf, String key)
      throws IOException {
    return list(patterns, conf, key).files();
  }

  /**
   * The files of {@code patterns} (directories are listed recursively, side files skipped), and the
   * matched directories without a single input file.
   *
   * @throws UserError naming the pattern when one matches nothing
   */
  public static Listing list(List<String> patterns, Configuration conf, String key)
      throws IOException {
    if (patterns.isEmpty()) {
      throw UserError.of(
          "no input:", key + " is empty", "give at least one file, directory or glob");
    }
    TreeMap<String, Long> files = new TreeMap<>();
    List<String> emptyDirs = new ArrayList<>();
    for (String pattern : patterns) {
      Path p = path(pattern, key);
      FileSystem fs = p.getFileSystem(conf);
      for (FileStatus st : matches(fs, p, pattern, key)) {
        if (st.isDirectory()) {
          int found = 0;
          RemoteIterator<LocatedFileStatus> it = fs.listFiles(st.getPath(), true);
          while (it.hasNext()) {
            LocatedFileStatus f = it.next();
            if (f.isFile() && !hidden(f.getPath())) {
              files.put(f.getPath().toString(), f.getLen());
              found++;
            }
          }
          if (found == 0) {
            emptyDirs.add(st.getPath().toString());
          }
        } else {
          files.put(st.getPath().toString(), st.getLen());
        }
      }
    }
    List<InputFile> out = new ArrayList<>();
    files.forEach((k, v) -> out.add(new InputFile(k, v)));
    return new Listing(out, List.copyOf(emptyDirs));
  }

  /**
   * Checks that every pattern matches a file or directory, without listing directories (cheap
   * enough to run before a Spark session starts).
   *
   * @return what the patterns match, for further checks of the same matches (one glob each)
   * @throws UserError naming the first pattern that matches nothing
   */
  public static List<FileStatus> checkMatches(List<String> patterns, Configuration conf, String key)
      throws IOException {
    if (patterns.isEmpty()) {
      throw UserError.of(
          "no input:", key + " is empty", "give at least one file, directory or glob");
    }
    List<FileStatus> all = new ArrayList<>();
    for (String pattern : patterns) {
      Path p = path(pattern, key);
      all.addAll(List.of(matches(p.getFileSystem(conf), p, pattern, key)));
    }
    return all;
  }

  /**
   * {@code path} as a Hadoop path. Hadoop refuses some strings with an IllegalArgumentException
   * (empty, or a colon before the first slash, read as a scheme: "a:b"); such a string came from
   * the user.
   */
  public static Path path(String path, String key) {
    try {
      return new Path(path);
    } catch (IllegalArgumentException e) {
      // Hadoop wraps the URISyntaxException that says why ("Relative path in absolute URI: a:b")
      String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      throw UserError.of(
          "not a path:",
          "'" + path + "' (" + key + "): " + why,
          "give a file, directory or glob; a remote one with its scheme (hdfs://, s3a://); a local "
              + "name with ':' as ./NAME or its absolute path");
    }
  }

  /**
   * What {@code p} matches (empty when nothing): the path itself when it has no glob character,
   * else Hadoop's glob. Hadoop's glob parses every name it lists as a path, so a file whose name
   * holds a ':' ("crawl:2024.warc.gz", read as a URI scheme) fails it even when named exactly; a
   * plain path does not go through the glob, and a glob that meets such a name is a {@link
   * UserError}.
   */
  public static FileStatus[] glob(FileSystem fs, Path p) throws IOException {
    if (!hasGlobCharacter(p.toUri().getPath())) {
      try {
        return new FileStatus[] {fs.getFileStatus(fs.makeQualified(p))};
      } catch (FileNotFoundException e) {
        return new FileStatus[0];
      }
    }
    try {
      FileStatus[] matches = fs.globStatus(p);
      return matches == null ? new FileStatus[0] : matches;
    } catch (IllegalArgumentException e) {
      String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      throw UserError.of(
          "cannot expand the glob",
          p + ": a name it meets is not a Hadoop path (" + why + ")",
          "a file name with ':' cannot be globbed; name the file or its directory instead");
    }
  }

  /** The files directly in {@code dir} whose name ends with {@code suffix}, sorted. */
  public static List<Path> filesEndingWith(FileSystem fs, Path dir, String suffix)
      throws IOException {
    List<Path> out = new ArrayList<>();
    for (FileStatus s : fs.listStatus(dir)) {
      if (s.isFile() && s.getPath().getName().endsWith(suffix)) out.add(s.getPath());
    }
    out.sort(null);
    return out;
  }

  private static boolean hasGlobCharacter(String path) {
    for (int i = 0; i < path.length(); i++) {
      if ("*?[]{}\\".indexOf(path.charAt(i)) >= 0) return true;
    }
    return false;
  }

  private static FileStatus[] matches(FileSystem fs, Path p, String pattern, String key)
      throws IOException {
    FileStatus[] matches = glob(fs, p);
    if (matches.length == 0) {
      // --input takes several values, so a mistyped option after it (--outptu) arrives here
      String fix =
          pattern.startsWith("-")
              ? "it looks like an option: --input reads every word up to the next known option,"
                  + " so a misspelt one is taken for an input; check its spelling (--help)"
              : "check the path (files, directories and globs such as s3a://bucket/crawl/*.warc.gz"
                  + " work)";
      throw UserError.of("nothing matches", "'" + pattern + "' (" + key + ")", fix);
    }
    return matches;
  }

  /**
   * Spark/Hadoop side files (_SUCCESS, .crc) and documentation next to crawl files are not input.
   */
  private static boolean hidden(Path p) {
    String n = p.getName();
    return n.startsWith("_") || n.startsWith(".") || n.endsWith(".crc") || n.endsWith(".md");
  }
}
