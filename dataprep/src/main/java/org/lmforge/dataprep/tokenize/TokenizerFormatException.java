package org.lmforge.dataprep.tokenize;

/**
 * A vocabulary file that does not parse; the message names the file and line and what was expected.
 */
public final class TokenizerFormatException extends RuntimeException {
  public TokenizerFormatException(String file, long line, String problem) {
    super(file + ":" + line + ": " + problem);
  }

  public TokenizerFormatException(String file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
