package org.lmforge.pipeline.io;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.lmforge.dataprep.warc.CrawlSource;

/**
 * A crawl file on any Hadoop FileSystem (file://, hdfs://, s3a://), opened with a seek to the
 * offset.
 */
public final class HadoopCrawlSource implements CrawlSource {
  private final Path path;
  private final FileSystem fs;

  public HadoopCrawlSource(String file, HadoopConf conf) throws IOException {
    this.path = new Path(file);
    FileSystem fs = path.getFileSystem(conf.get());
    // A crawler writes crawl files, never with Hadoop's ".NAME.crc" side files; the local file
    // system's checksum wrapper would still look for one, and cannot even build that path for a
    // name with ':' ("crawl:2024.warc.gz"): read local files through the raw file system.
    this.fs = fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
  }

  @Override
  public String name() {
    return path.toString();
  }

  public Path path() {
    return path;
  }

  public FileSystem fileSystem() {
    return fs;
  }

  @Override
  public long length() throws IOException {
    return fs.getFileStatus(path).getLen();
  }

  @Override
  public InputStream openAt(long offset) throws IOException {
    FSDataInputStream in = fs.open(path, 1 << 16);
    if (offset > 0) {
      in.seek(offset);
    }
    return in;
  }
}
