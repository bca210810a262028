package org.lmforge.dataprep.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TokenizerStatsTest {

  @Test
  void countsBytesTokensAndTopTokens() {
    StringBuilder sb = new StringBuilder();
    for (String t : TestCorpora.englishEuroparl().subList(0, 200)) sb.append(t).append('\n');
    String text = sb.toString();
    BpeTokenizer gpt2 = TestTokenizers.gpt2();
    TokenizerStats s = TokenizerStats.measure(gpt2, text, 10);
    int[] ids = gpt2.encode(text);
    assertEquals(text.getBytes(StandardCharsets.UTF_8).length, s.bytes());
    assertEquals(ids.length, s.tokens());
    assertEquals(10, s.top().size());
    for (int i = 1; i < s.top().size(); i++)
      assertTrue(s.top().get(i - 1).count() >= s.top().get(i).count());
    TokenizerStats.TokenCount first = s.top().get(0);
    assertEquals(
        java.util.Arrays.stream(ids).filter(id -> id == first.id()).count(), first.count());
    // English parliament prose: GPT-2 packs over 4 bytes into a token on average; " the" is among
    // the top tokens.
    assertTrue(s.bytesPerToken() > 4.0, "bytes/token " + s.bytesPerToken());
    assertTrue(s.top().stream().anyMatch(t -> t.text().equals(" the")));
    String report =
        TokenizerStats.sideBySide(TokenizerStats.measure(TestTokenizers.small(), text, 10), s);
    assertTrue(report.contains(gpt2.id()) && report.contains("bytes/token"), report);
  }
}
