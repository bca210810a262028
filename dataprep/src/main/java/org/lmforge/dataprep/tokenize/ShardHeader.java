package org.lmforge.dataprep.tokenize;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The fixed 64-byte header of a token shard, all little-endian:
 *
 * <pre>
 *  0  4 bytes  magic "LMTS"
 *  4  int32    format version (1)
 *  8  int32    vocabulary size
 * 12  int32    bytes per token: 2 (uint16, vocab &lt;= 65536) or 4 (int32)
 * 16  int64    token count (end-of-document tokens included)
 * 24  int64    UTF-8 bytes of the source text (separators excluded): bits per byte = loss * tokens / bytes / ln 2
 * 32  int64    document count
 * 40  int32    end-of-document token id; each document is preceded by it
 * 44  20 bytes reserved, zero
 * </pre>
 *
 * The tokens follow, {@code tokenCount * bytesPerToken} bytes.
 */
public record ShardHeader(
    int version,
    int vocabSize,
    int tokenWidth,
    long tokenCount,
    long utf8Bytes,
    long documents,
    int endOfTextId) {

  public static final int SIZE = 64;
  public static final int VERSION = 1;
  static final byte[] MAGIC = {'L', 'M', 'T', 'S'};

  /** 2 bytes per token up to 65536 ids, else 4. */
  public static int widthFor(int vocabSize) {
    return vocabSize <= 65536 ? 2 : 4;
  }

  byte[] toBytes() {
    ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC)
        .putInt(version)
        .putInt(vocabSize)
        .putInt(tokenWidth)
        .putLong(tokenCount)
        .putLong(utf8Bytes)
        .putLong(documents)
        .putInt(endOfTextId);
    return b.array();
  }

  static ShardHeader parse(byte[] bytes, String shard) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 4; i++) {
      if (bytes[i] != MAGIC[i]) {
        throw new ShardFormatException(
            shard
                + " is not a token shard: it starts with bytes "
                + java.util.HexFormat.of().formatHex(bytes, 0, 4)
                + ", expected \"LMTS\" (4c4d5453)");
      }
    }
    b.position(4);
    int version = b.getInt();
    if (version != VERSION) {
      throw new ShardFormatException(
          shard
              + " has shard format version "
              + version
              + "; this reader knows version "
              + VERSION);
    }
    ShardHeader h =
        new ShardHeader(
            version, b.getInt(), b.getInt(), b.getLong(), b.getLong(), b.getLong(), b.getInt());
    if (h.tokenWidth != widthFor(h.vocabSize)
        || h.tokenCount < 0
        || h.utf8Bytes < 0
        || h.documents < 0) {
      throw new ShardFormatException(shard + " has a corrupt header: " + h);
    }
    return h;
  }
}
