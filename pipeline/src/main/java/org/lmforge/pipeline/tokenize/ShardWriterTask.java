package org.lmforge.pipeline.tokenize;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;
import org.lmforge.dataprep.tokenize.BpeTokenizer;
import org.lmforge.dataprep.tokenize.DocSplit;
import org.lmforge.dataprep.tokenize.ShardHeader;
import org.lmforge.dataprep.tokenize.TokenShardWriter;

/**
 * One encode task: the documents of one partition (sorted by id) are encoded with the broadcast
 * tokenizer and written, per split, to shards {@code part-<partition>-<n>.tok} of about {@code
 * shardTokens} tokens (a document is never cut; a shard closes once it reaches the target).
 *
 * <p>Files go to a directory of this task attempt ({@code _attempts/t<taskAttemptId>/}); the driver
 * renames the files of the attempt whose result it received. A failed or speculative attempt can
 * therefore never leave a half-written or duplicate shard in the output, and the counts come from
 * exactly one attempt.
 *
 * @param tokenizer the job's tokenizer, broadcast once
 * @param split which split each document id goes to
 * @param shardTokens a shard closes once it holds this many tokens
 * @param tmpDir the job's staging directory; the attempt directories are under it
 * @param conf the Hadoop configuration the shards are written with
 */
record ShardWriterTask(
    Broadcast<BpeTokenizer> tokenizer,
    DocSplit split,
    long shardTokens,
    String tmpDir,
    SerializableConfiguration conf)
    implements Function2<Integer, Iterator<Row>, Iterator<ShardWriterTask.PartitionOutput>> {
  private static final long serialVersionUID = 1L;
  static final String ATTEMPTS = "_attempts";

  /** A written shard: split, file name, where the attempt wrote it, and its header counts. */
  record WrittenShard(
      String split, String name, String attemptPath, long tokens, long utf8Bytes, long documents)
      implements Serializable {}

  /** What one partition did. */
  record PartitionOutput(
      int partition,
      long documentsIn,
      long emptySkipped,
      long missingIdSkipped,
      List<WrittenShard> shards)
      implements Serializable {}

  @Override
  public Iterator<PartitionOutput> call(Integer partition, Iterator<Row> rows) throws IOException {
    BpeTokenizer tok = tokenizer.value();
    TaskContext ctx = TaskContext.get();
    Path attemptDir =
        new Path(new Path(tmpDir, ATTEMPTS), "t" + (ctx == null ? 0 : ctx.taskAttemptId()));
    FileSystem fs = attemptDir.getFileSystem(conf.value());
    Map<String, Open> open = new LinkedHashMap<>();
    List<WrittenShard> done = new ArrayList<>();
    long in = 0, empty = 0, noId = 0;
    try {
      while (rows.hasNext()) {
        Row r = rows.next();
        in++;
        String id = r.getString(0);
        String text = r.getString(1);
        if (id == null) {
          noId++;
          continue;
        }
        if (text == null || text.isBlank()) {
          empty++;
          continue;
        }
        String s = split.assign(id);
        Open o = open.get(s);
        if (o == null) {
          o = new Open(s, fs, attemptDir, partition, countOf(done, s), tok);
          open.put(s, o);
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        o.writer.addDocument(tok.encode(utf8), utf8.length);
        if (o.writer.tokenCount() >= shardTokens) {
          done.add(o.finish());
          open.remove(s);
        }
      }
      for (Open o : open.values()) done.add(o.finish());
    } finally {
      for (Open o : open.values()) o.abandon();
    }
    return List.of(new PartitionOutput(partition, in, empty, noId, done)).iterator();
  }

  private static int countOf(List<WrittenShard> done, String split) {
    int n = 0;
    for (WrittenShard w : done) if (w.split().equals(split)) n++;
    return n;
  }

  /** A shard being filled. */
  private static final class Open {
    final String split;
    final String name;
    final Path path;
    final TokenShardWriter writer;
    boolean finished;

    Open(String split, FileSystem fs, Path attemptDir, int partition, int n, BpeTokenizer tok)
        throws IOException {
      this.split = split;
      this.name = String.format("part-%05d-%04d.tok", partition, n);
      this.path = new Path(new Path(attemptDir, split), name);
      this.writer = TokenShardWriter.of(fs.create(path, true), tok);
    }

    WrittenShard finish() throws IOException {
      finished = true;
      ShardHeader h = writer.finish();
      return new WrittenShard(
          split, name, path.toString(), h.tokenCount(), h.utf8Bytes(), h.documents());
    }

    /** On failure: close the stream (the attempt's files are deleted with the temp dir). */
    void abandon() {
      if (finished) return;
      try {
        writer.close();
      } catch (IOException | RuntimeException ignored) {
        // the task is failing already; its attempt directory is never committed
      }
    }
  }
}
