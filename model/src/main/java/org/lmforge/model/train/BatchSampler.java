package org.lmforge.model.train;

import java.util.SplittableRandom;

/**
 * Cuts training windows (x = tokens[o, o+T), y = tokens[o+1, o+T+1)) from a {@link TokenStream}.
 * Row r of the run (a global counter over all steps, micro-batches and replicas) always gets the
 * same window, so the reader's whole state is the next row index: checkpoints store it, and K
 * data-parallel replicas that take rows [r + k·B, r + (k+1)·B) together see exactly the batch one
 * process with batch K·B sees.
 */
public final class BatchSampler {
  /**
   * RANDOM: nanoGPT's uniformly random offsets. SEQUENTIAL: consecutive windows, wrapping around.
   */
  public enum Mode {
    RANDOM,
    SEQUENTIAL
  }

  private final TokenStream stream;
  private final int contextLength;
  private final long seed;
  private final Mode mode;

  public BatchSampler(TokenStream stream, int contextLength, long seed, Mode mode) {
    if (stream.size() < contextLength + 1L)
      throw new IllegalArgumentException(
          "token stream has "
              + stream.size()
              + " tokens, fewer than contextLength+1 = "
              + (contextLength + 1)
              + ": use more data or a shorter context");
    this.stream = stream;
    this.contextLength = contextLength;
    this.seed = seed;
    this.mode = mode;
  }

  /** Start offset of global row r. */
  public long offset(long row) {
    long span = stream.size() - contextLength; // valid offsets: [0, span)
    if (mode == Mode.SEQUENTIAL) return Math.floorMod(row * contextLength, span);
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + row).nextLong(span);
  }

  /** Rows [firstRow, firstRow + n). */
  public Batch batch(long firstRow, int n) {
    int[][] x = new int[n][contextLength];
    int[][] y = new int[n][contextLength];
    int[] buf = new int[contextLength + 1];
    for (int i = 0; i < n; i++) {
      stream.read(offset(firstRow + i), buf, 0, contextLength + 1);
      System.arraycopy(buf, 0, x[i], 0, contextLength);
      System.arraycopy(buf, 1, y[i], 0, contextLength);
    }
    return new Batch(x, y);
  }

  /** Inputs and next-token targets, [rows][T] each. */
  public record Batch(int[][] x, int[][] y) {
    public int tokens() {
      return x.length * x[0].length;
    }
  }
}
