package org.lmforge.dataprep.tokenize;

/**
 * GPT-2's byte-to-printable-symbol table ({@code bytes_to_unicode} in openai/gpt-2 encoder.py):
 * each of the 256 byte values gets one printable code point so that vocab.json and merges.txt can
 * spell any byte string without whitespace or control characters. Printable Latin-1 bytes map to
 * themselves, the other 68 bytes to U+0100 and up, in byte order (so the space 0x20 becomes 'Ġ',
 * U+0120).
 */
final class ByteSymbols {

  private static final char[] BYTE_TO_CHAR = new char[256];
  private static final int[] CHAR_TO_BYTE = new int[0x200];

  static {
    java.util.Arrays.fill(CHAR_TO_BYTE, -1);
    int next = 0;
    for (int b = 0; b < 256; b++) {
      boolean printable =
          (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
      char c = printable ? (char) b : (char) (256 + next++);
      BYTE_TO_CHAR[b] = c;
      CHAR_TO_BYTE[c] = b;
    }
  }

  private ByteSymbols() {}

  /** The symbol of one byte. */
  static char symbol(int b) {
    return BYTE_TO_CHAR[b & 0xFF];
  }

  /** Byte string to its symbol string, e.g. " the" -> "Ġthe". */
  static String encode(byte[] bytes) {
    char[] out = new char[bytes.length];
    for (int i = 0; i < bytes.length; i++) out[i] = BYTE_TO_CHAR[bytes[i] & 0xFF];
    return new String(out);
  }

  /** Symbol string back to bytes, or null if a character is not one of the 256 symbols. */
  static byte[] decode(String symbols) {
    byte[] out = new byte[symbols.length()];
    for (int i = 0; i < symbols.length(); i++) {
      char c = symbols.charAt(i);
      int b = c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
      if (b < 0) return null;
      out[i] = (byte) b;
    }
    return out;
  }

  /**
   * The byte order GPT-2 gives its first 256 token ids: printable bytes first, then the rest (the
   * order of the values of bytes_to_unicode). r50k_base and encoder.json both use it.
   */
  static int[] gpt2ByteOrder() {
    int[] order = new int[256];
    int i = 0;
    for (int b = 0; b < 256; b++) if (BYTE_TO_CHAR[b] == b) order[i++] = b;
    for (int b = 0; b < 256; b++) if (BYTE_TO_CHAR[b] != b) order[i++] = b;
    return order;
  }
}
