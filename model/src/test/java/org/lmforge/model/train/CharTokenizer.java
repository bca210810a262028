package org.lmforge.model.train;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * nanoGPT's character-level tokenizer: the sorted distinct characters of a text are the vocabulary.
 */
public final class CharTokenizer {
  private final char[] chars; // id -> char
  private final int[] ids; // char -> id, -1 if absent

  public CharTokenizer(String corpus) {
    TreeSet<Character> set = new TreeSet<>();
    for (int i = 0; i < corpus.length(); i++) set.add(corpus.charAt(i));
    chars = new char[set.size()];
    int n = 0;
    for (char c : set) chars[n++] = c;
    ids = new int[Character.MAX_VALUE + 1];
    Arrays.fill(ids, -1);
    for (int i = 0; i < chars.length; i++) ids[chars[i]] = i;
  }

  public int vocabSize() {
    return chars.length;
  }

  public int[] encode(String s) {
    int[] out = new int[s.length()];
    for (int i = 0; i < s.length(); i++) {
      int id = ids[s.charAt(i)];
      if (id < 0)
        throw new IllegalArgumentException(
            "character U+"
                + Integer.toHexString(s.charAt(i))
                + " at index "
                + i
                + " is not in the vocabulary built from the training text");
      out[i] = id;
    }
    return out;
  }

  public String decode(int[] tokens) {
    StringBuilder sb = new StringBuilder(tokens.length);
    for (int t : tokens) sb.append(chars[t]);
    return sb.toString();
  }

  /** The whole text as a stream, with bytes per token from its UTF-8 length (for bits per byte). */
  public IntArrayTokenStream stream(String text) {
    int[] t = encode(text);
    double bpt = (double) text.getBytes(StandardCharsets.UTF_8).length / Math.max(1, t.length);
    return new IntArrayTokenStream(t, vocabSize(), bpt);
  }
}
