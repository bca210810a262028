package org.lmforge.dataprep.tokenize;

/** A token shard that cannot be read as asked: wrong magic, version, vocabulary, or truncated. */
public final class ShardFormatException extends RuntimeException {
  public ShardFormatException(String message) {
    super(message);
  }

  public ShardFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
