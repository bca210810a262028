package org.lmforge.pipeline.train;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.lmforge.dataprep.tokenize.ShardHeader;
import org.lmforge.dataprep.tokenize.ShardManifest;
import org.lmforge.dataprep.tokenize.TokenShardReader;
import org.lmforge.model.train.TokenStream;
import org.lmforge.pipeline.job.UserError;
import org.lmforge.pipeline.tokenize.ShardFiles;

/**
 * One split's shards as a {@link TokenStream} served by positioned reads ({@code
 * readFully(position, ...)}) of just the windows asked for: a replica's memory does not grow with
 * the corpus, and any replica can read any window, so rows, not shards, are what data parallelism
 * divides. Tokens are checked against the vocabulary as they are read (a corrupt shard fails naming
 * the shard and position). Positioned reads are thread-safe on Hadoop's file systems, so replicas
 * in one JVM may share a stream.
 */
public final class ShardWindowStream implements TokenStream, Closeable {
  private final List<FSDataInputStream> shards = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final long[] starts; // starts[i] = first global position of shard i; starts[n] = size
  private final int width;
  private final int vocabSize;
  private final double bytesPerToken;

  private ShardWindowStream(int shardCount, int width, int vocabSize, double bytesPerToken) {
    this.starts = new long[shardCount + 1];
    this.width = width;
    this.vocabSize = vocabSize;
    this.bytesPerToken = bytesPerToken;
  }

  public static ShardWindowStream open(String dir, String split, Configuration conf)
      throws IOException {
    ShardFiles files = ShardFiles.open(dir, conf);
    ShardManifest m = files.manifest();
    ShardManifest.Split s = m.split(split);
    ShardWindowStream w =
        new ShardWindowStream(
            s.shards().size(),
            ShardHeader.widthFor(m.vocabSize()),
            m.vocabSize(),
            s.bytesPerToken());
    try {
      long pos = 0;
      int i = 0;
      for (ShardManifest.Shard sh : s.shards()) {
        Path p = new Path(files.root(), sh.path());
        FSDataInputStream in = p.getFileSystem(conf).open(p);
        w.shards.add(in);
        w.names.add(p.toString());
        ShardHeader h =
            new TokenShardReader(in, p.toString(), m.vocabSize())
                .header(); // checks magic, vocabulary
        if (h.tokenCount() != sh.tokens()) {
          throw new IOException(
              p
                  + " holds "
                  + h.tokenCount()
                  + " tokens but the manifest says "
                  + sh.tokens()
                  + ": the token output is inconsistent; re-run the tokenize job with --overwrite");
        }
        w.starts[i++] = pos;
        pos += h.tokenCount();
      }
      w.starts[i] = pos;
      if (pos == 0) {
        throw new UserError(
            dir
                + ": split '"
                + split
                + "' has no tokens; give the tokenize job more "
                + "text or raise tokenize.validationFraction");
      }
      return w;
    } catch (IOException | RuntimeException e) {
      w.close();
      throw e;
    }
  }

  @Override
  public long size() {
    return starts[starts.length - 1];
  }

  @Override
  public int vocabSize() {
    return vocabSize;
  }

  @Override
  public double bytesPerToken() {
    return bytesPerToken;
  }

  @Override
  public void read(long pos, int[] dst, int off, int len) {
    if (pos < 0 || pos + len > size()) {
      throw new IndexOutOfBoundsException(
          "tokens [" + pos + ", " + (pos + len) + ") of a stream of " + size());
    }
    while (len > 0) {
      int shard = shardOf(pos);
      long local = pos - starts[shard];
      int n = (int) Math.min(len, starts[shard + 1] - pos);
      byte[] bytes = new byte[n * width];
      try {
        shards.get(shard).readFully(ShardHeader.SIZE + local * width, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "reading tokens " + local + ".." + (local + n) + " of " + names.get(shard), e);
      }
      ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < n; i++) {
        int t = width == 2 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
        if (t < 0 || t >= vocabSize) {
          throw new IllegalStateException(
              names.get(shard)
                  + ": token "
                  + t
                  + " at position "
                  + (local + i)
                  + " is outside the vocabulary [0, "
                  + vocabSize
                  + "): the shard is corrupt");
        }
        dst[off + i] = t;
      }
      pos += n;
      off += n;
      len -= n;
    }
  }

  /** The shard holding global position pos (the last with start <= pos, skipping empty shards). */
  private int shardOf(long pos) {
    int lo = 0, hi = starts.length - 2;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  @Override
  public void close() {
    for (FSDataInputStream in : shards) {
      try {
        in.close();
      } catch (IOException ignored) {
        // read-only stream: nothing to lose
      }
    }
  }
}
