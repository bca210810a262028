package org.lmforge.dataprep.tokenize;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one token shard ({@link ShardHeader} + tokens) to a plain OutputStream; each document is
 * preceded by the end-of-document token, as in GPT-2/nanoGPT data, so the model sees where
 * documents start.
 *
 * <p>The header carries the token count and the stream may not seek, so tokens are kept in memory
 * (in 1 MiB blocks, as they will be on disk: 2 bytes per token for vocabularies up to 65536) until
 * {@link #close()}. Roll over to a new shard when {@link #tokenCount()} passes your shard size
 * (e.g. 100M tokens = 200 MB).
 */
public final class TokenShardWriter implements AutoCloseable {
  private static final int BLOCK = 1 << 20;

  private final OutputStream out;
  private final int vocabSize;
  private final int width;
  private final int endOfText;
  private final List<byte[]> blocks = new ArrayList<>();
  private byte[] block = new byte[BLOCK];
  private int pos;
  private long tokens;
  private long utf8Bytes;
  private long documents;
  private boolean closed;

  public TokenShardWriter(OutputStream out, int vocabSize, int endOfTextId) {
    if (endOfTextId < 0 || endOfTextId >= vocabSize) {
      throw new IllegalArgumentException(
          "end-of-text id " + endOfTextId + " outside vocabulary of " + vocabSize);
    }
    this.out = out;
    this.vocabSize = vocabSize;
    this.width = ShardHeader.widthFor(vocabSize);
    this.endOfText = endOfTextId;
  }

  /** A writer for {@code tok}'s vocabulary, documents separated by its {@code <|endoftext|>}. */
  public static TokenShardWriter of(OutputStream out, BpeTokenizer tok) {
    return new TokenShardWriter(out, tok.vocabSize(), tok.endOfTextId());
  }

  /**
   * Appends one document: the separator, then its tokens; {@code utf8Bytes} is its text's UTF-8
   * length.
   */
  public void addDocument(int[] docTokens, long utf8Bytes) {
    if (closed) throw new IllegalStateException("shard already closed");
    put(endOfText);
    for (int t : docTokens) {
      if (t < 0 || t >= vocabSize)
        throw new IllegalArgumentException("token " + t + " outside vocabulary of " + vocabSize);
      put(t);
    }
    this.utf8Bytes += utf8Bytes;
    documents++;
  }

  /** Encodes {@code text} with {@code tok} and appends it. */
  public void addDocument(String text, BpeTokenizer tok) {
    byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    addDocument(tok.encode(utf8), utf8.length);
  }

  private void put(int t) {
    if (pos + width > BLOCK) {
      blocks.add(block);
      block = new byte[BLOCK];
      pos = 0;
    }
    block[pos++] = (byte) t;
    block[pos++] = (byte) (t >>> 8);
    if (width == 4) {
      block[pos++] = (byte) (t >>> 16);
      block[pos++] = (byte) (t >>> 24);
    }
    tokens++;
  }

  /**
   * Tokens so far, separators included: what a caller rolls over on. The byte and document counts
   * are in the header {@link #finish} returns.
   */
  public long tokenCount() {
    return tokens;
  }

  /** Writes header and tokens, closes the stream, and returns the header written. */
  public ShardHeader finish() throws IOException {
    if (closed) throw new IllegalStateException("shard already closed");
    closed = true;
    ShardHeader h =
        new ShardHeader(
            ShardHeader.VERSION, vocabSize, width, tokens, utf8Bytes, documents, endOfText);
    try (out) {
      out.write(h.toBytes());
      for (byte[] b : blocks) out.write(b, 0, BLOCK - BLOCK % width);
      out.write(block, 0, pos);
    }
    blocks.clear();
    return h;
  }

  @Override
  public void close() throws IOException {
    if (!closed) finish();
  }
}
