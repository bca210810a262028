package org.lmforge.dataprep.tokenize;

import java.util.List;
import org.lmforge.config.Require;

/**
 * What to learn.
 *
 * @param name tokenizer name recorded in its id, e.g. "lmforge-bpe-32k"
 * @param vocabSize total ids: 256 byte tokens + merges + special tokens (GPT-2: 50257)
 * @param specialTokens appended after the merges, in order; the first is usually {@code
 *     <|endoftext|>}
 * @param minPairCount stop early when the most frequent pair occurs fewer times than this (2: a
 *     pair seen once is memorisation, not compression)
 */
public record BpeTrainerConfig(
    String name, int vocabSize, List<String> specialTokens, long minPairCount) {

  public BpeTrainerConfig {
    specialTokens = List.copyOf(specialTokens);
    if (vocabSize < 256 + specialTokens.size()) {
      throw new IllegalArgumentException(
          "vocabSize "
              + vocabSize
              + " is below 256 byte tokens + "
              + specialTokens.size()
              + " special tokens");
    }
    Require.atLeast("minPairCount", minPairCount, 1);
  }

  /**
   * GPT-2's layout: the given size, {@code <|endoftext|>} as the last id, pairs seen at least
   * twice.
   */
  public static BpeTrainerConfig gpt2Style(String name, int vocabSize) {
    return new BpeTrainerConfig(name, vocabSize, List.of(BpeTokenizer.END_OF_TEXT), 2);
  }

  public int mergeCount() {
    return vocabSize - 256 - specialTokens.size();
  }
}
