package org.lmforge.model.train;

/**
 * A flat sequence of token ids the trainer reads windows from. Shards of the tokenize job
 * (uint16/int32 ids with end-of-document tokens) and char-level text both fit; positions are plain
 * indices, so a reader's state is one number and checkpoints stay exact.
 */
public interface TokenStream {
  /** Number of tokens. */
  long size();

  /** Ids are in [0, vocabSize). */
  int vocabSize();

  /** Copies tokens [pos, pos+len) into dst[off..]. */
  void read(long pos, int[] dst, int off, int len);

  /**
   * UTF-8 bytes of source text per token (from the shard manifest's byte counts), for bits per
   * byte; NaN when unknown.
   */
  double bytesPerToken();
}
