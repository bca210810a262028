package org.lmforge.dataprep.warc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A crawl file that can be opened at any byte offset: what the reader needs to skip over a corrupt
 * stretch and carry on. The Spark side implements it over Hadoop's FileSystem (local, hdfs://,
 * s3a://).
 */
public interface CrawlSource {
  String name();

  long length() throws IOException;

  InputStream openAt(long offset) throws IOException;

  static CrawlSource of(Path file) {
    return new CrawlSource() {
      @Override
      public String name() {
        return file.toString();
      }

      @Override
      public long length() throws IOException {
        return Files.size(file);
      }

      @Override
      public InputStream openAt(long offset) throws IOException {
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(offset);
        return in;
      }
    };
  }
}
