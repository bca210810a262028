package org.lmforge.dataprep.tokenize;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a shard written by {@link TokenShardWriter} from a plain InputStream, checking it fits the
 * tokenizer.
 */
public final class TokenShardReader implements AutoCloseable {
  private final InputStream in;
  private final String name;
  private final ShardHeader header;
  private final byte[] buf = new byte[1 << 16];
  private long read;

  /**
   * Opens a shard and checks its vocabulary size.
   *
   * @param name the shard's path, for error messages
   * @param expectedVocabSize the vocabulary size of the tokenizer the caller will decode with
   */
  public TokenShardReader(InputStream in, String name, int expectedVocabSize) throws IOException {
    this.in = in;
    this.name = name;
    byte[] h = new byte[ShardHeader.SIZE];
    int n = in.readNBytes(h, 0, h.length);
    if (n < h.length) {
      if (n >= 4)
        ShardHeader.parse(
            java.util.Arrays.copyOf(h, h.length), name); // wrong magic is the better message
      throw new ShardFormatException(
          name
              + " is "
              + n
              + " bytes long, shorter than the "
              + ShardHeader.SIZE
              + "-byte shard header");
    }
    this.header = ShardHeader.parse(h, name);
    if (header.vocabSize() != expectedVocabSize) {
      throw new ShardFormatException(
          name
              + " holds tokens of a vocabulary of "
              + header.vocabSize()
              + " ids but the tokenizer has "
              + expectedVocabSize
              + "; read it with the tokenizer named in the manifest");
    }
  }

  public ShardHeader header() {
    return header;
  }

  /**
   * Reads up to {@code len} tokens into {@code dst}; returns how many, or -1 at the end of the
   * shard.
   */
  public int read(int[] dst, int off, int len) throws IOException {
    long left = header.tokenCount() - read;
    if (left == 0) return -1;
    int width = header.tokenWidth();
    int want = (int) Math.min(Math.min(len, left), buf.length / width);
    int got = in.readNBytes(buf, 0, want * width);
    if (got < want * width) {
      throw new ShardFormatException(
          name
              + " ends after "
              + (read + got / width)
              + " of "
              + header.tokenCount()
              + " tokens: truncated shard",
          new EOFException());
    }
    for (int i = 0, p = 0; i < want; i++, p += width) {
      int t = (buf[p] & 0xFF) | (buf[p + 1] & 0xFF) << 8;
      if (width == 4) t |= (buf[p + 2] & 0xFF) << 16 | (buf[p + 3] & 0xFF) << 24;
      dst[off + i] = t;
    }
    read += want;
    return want;
  }

  /** All tokens of the shard (at most 2^31 - 1). */
  public int[] readAll() throws IOException {
    if (header.tokenCount() > Integer.MAX_VALUE - 8)
      throw new ShardFormatException(name + " has too many tokens for one array");
    int[] all = new int[(int) (header.tokenCount() - read)];
    int p = 0;
    int n;
    while (p < all.length && (n = read(all, p, all.length - p)) > 0) p += n;
    return all;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
