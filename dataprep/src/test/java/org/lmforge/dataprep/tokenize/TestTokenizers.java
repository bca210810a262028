package org.lmforge.dataprep.tokenize;

import java.util.List;

/** Tokenizers shared by the tests, built once per JVM. */
final class TestTokenizers {
  private static BpeTokenizer gpt2;
  private static BpeTokenizer small;

  private TestTokenizers() {}

  static synchronized BpeTokenizer gpt2() {
    if (gpt2 == null) gpt2 = TokenizerFiles.gpt2FromClasspath();
    return gpt2;
  }

  /** 2000 ids learned on every 10th Europarl line (all languages). */
  static synchronized BpeTokenizer small() {
    if (small == null) {
      PreTokenCounter c = new PreTokenCounter();
      List<byte[]> lines = TestCorpora.europarlLines();
      for (int i = 0; i < lines.size(); i += 10) c.add(lines.get(i));
      small = BpeTrainer.train(c.counts(), BpeTrainerConfig.gpt2Style("test-small", 2000));
    }
    return small;
  }
}
