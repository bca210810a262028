package org.lmforge.pipeline.train;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.lmforge.dataprep.tokenize.BpeTokenizer;
import org.lmforge.dataprep.tokenize.ShardManifest;
import org.lmforge.model.train.IntArrayTokenStream;
import org.lmforge.pipeline.tokens.ShardFiles;

/**
 * The trainer's view of the tokenize job's output: one split's shards (any Hadoop FileSystem) as a token
 * stream, with bytes per token from the manifest's UTF-8 byte count, so evaluation reports bits per byte.
 */
public final class ShardTokenStream {
  private ShardTokenStream() {}

  /** Reads every shard of {@code split} ("train" or "validation") under {@code dir}, checking the vocabulary. */
  public static IntArrayTokenStream open(String dir, String split, Configuration conf) throws IOException {
    ShardFiles files = ShardFiles.open(dir, conf);
    BpeTokenizer tok = files.tokenizer();
    ShardManifest.Split s = files.manifest().split(split);
    int[] tokens = files.readSplit(split, tok);
    if (tokens.length == 0) {
      throw new IllegalArgumentException(dir + ": split '" + split + "' has no tokens; raise "
          + "tokenize.validationFraction or give the tokenize job more text");
    }
    return new IntArrayTokenStream(tokens, tok.vocabSize(), s.bytesPerToken());
  }
}
