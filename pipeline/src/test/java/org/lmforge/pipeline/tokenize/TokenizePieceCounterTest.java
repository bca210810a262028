package org.lmforge.pipeline.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmforge.dataprep.tokenize.PreTokenCounter;
import org.lmforge.dataprep.tokenize.PreTokenizer;

/**
 * The allocation-free piece table counts exactly what dataprep's HashMap counter counts, on all of
 * Europarl.
 */
class TokenizePieceCounterTest {

  @Test
  void countsEqualTheHashMapCounterOnEuroparl() {
    List<String> bodies = TokenizeCorpus.europarlBodies();
    PieceCounter table = new PieceCounter();
    PreTokenCounter reference = new PreTokenCounter();
    for (String body : bodies) {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      PreTokenizer.split(b, 0, b.length, (s, e) -> table.add(b, s, e));
      reference.add(b);
    }
    Map<String, Long> got = new HashMap<>();
    table.forEach(
        (k, v) -> {
          if (got.put(k, v) != null) throw new AssertionError("piece listed twice: " + k);
        });
    assertEquals(reference.counts().size(), table.size());
    assertEquals(reference.counts(), got);
  }
}
