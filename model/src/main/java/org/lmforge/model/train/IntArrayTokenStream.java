package org.lmforge.model.train;

import java.util.Arrays;

/** A {@link TokenStream} over an in-memory int[] (a shard, or encoded text). */
public final class IntArrayTokenStream implements TokenStream {
  private final int[] tokens;
  private final int vocabSize;
  private final double bytesPerToken;

  public IntArrayTokenStream(int[] tokens, int vocabSize, double bytesPerToken) {
    this.tokens = tokens;
    this.vocabSize = vocabSize;
    this.bytesPerToken = bytesPerToken;
    for (int i = 0; i < tokens.length; i++)
      if (tokens[i] < 0 || tokens[i] >= vocabSize)
        throw new IllegalArgumentException(
            "token "
                + tokens[i]
                + " at index "
                + i
                + " outside vocab [0,"
                + vocabSize
                + "): the stream and the model's vocabSize disagree");
  }

  @Override
  public long size() {
    return tokens.length;
  }

  @Override
  public int vocabSize() {
    return vocabSize;
  }

  @Override
  public void read(long pos, int[] dst, int off, int len) {
    System.arraycopy(tokens, Math.toIntExact(pos), dst, off, len);
  }

  @Override
  public double bytesPerToken() {
    return bytesPerToken;
  }

  /** Tokens [from, to) as a new stream with the same vocabulary and bytes per token. */
  public IntArrayTokenStream slice(int from, int to) {
    return new IntArrayTokenStream(Arrays.copyOfRange(tokens, from, to), vocabSize, bytesPerToken);
  }
}
