package org.lmforge.pipeline.train;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lmforge.model.checkpoint.CheckpointStore;
import org.lmforge.pipeline.io.AtomicFile;

/**
 * Checkpoints in a directory on any Hadoop FileSystem (file://, hdfs://, s3a://). A checkpoint is
 * written to a temporary name and renamed over the old one, so a killed writer never leaves a half
 * checkpoint under the real name (rename is atomic on HDFS and local disks; on S3 it is a copy).
 */
public final class HadoopCheckpointStore implements CheckpointStore {
  private final Path dir;
  private final FileSystem fs;

  public HadoopCheckpointStore(String dir, Configuration conf) throws IOException {
    this.dir = new Path(dir);
    this.fs = this.dir.getFileSystem(conf);
    fs.mkdirs(this.dir);
  }

  @Override
  public void write(String name, Body body) throws IOException {
    AtomicFile.write(fs, new Path(dir, name), body::writeTo);
  }

  @Override
  public InputStream open(String name) throws IOException {
    return fs.open(new Path(dir, name));
  }

  @Override
  public boolean exists(String name) throws IOException {
    return fs.exists(new Path(dir, name));
  }

  @Override
  public String describe(String name) {
    return new Path(dir, name).toString();
  }
}
