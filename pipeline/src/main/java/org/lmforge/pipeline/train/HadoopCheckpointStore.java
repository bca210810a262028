package org.lmforge.pipeline.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lmforge.model.checkpoint.CheckpointStore;

/**
 * Checkpoints in a directory on any Hadoop FileSystem (file://, hdfs://, s3a://). A checkpoint is written to
 * a temporary name and renamed over the old one, so a killed writer never leaves a half checkpoint under
 * the real name (rename is atomic on HDFS and local disks; on S3 it is a copy).
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
    Path target = new Path(dir, name);
    Path tmp = new Path(dir, "." + name + ".tmp-" + UUID.randomUUID().toString().substring(0, 8));
    try (OutputStream out = fs.create(tmp, true)) {
      body.writeTo(out);
    } catch (IOException | RuntimeException e) {
      fs.delete(tmp, false);
      throw e;
    }
    if (fs.exists(target) && !fs.delete(target, false)) {
      throw new IOException("cannot replace " + target);
    }
    if (!fs.rename(tmp, target)) {
      throw new IOException("cannot rename " + tmp + " to " + target);
    }
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
