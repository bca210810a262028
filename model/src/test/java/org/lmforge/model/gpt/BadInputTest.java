package org.lmforge.model.gpt;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class BadInputTest {
  @Test
  void contextLongerThanPositionsTableIsNamed() {
    Gpt g = new Gpt(GptConfig.of(10, 8, 1, 2, 8, 0), 1, DataType.FLOAT);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> g.probabilities(new int[1][12]));
    assertTrue(
        e.getMessage().contains("12") && e.getMessage().contains("context 8"), e.getMessage());
  }

  @Test
  void tokenOutsideVocabularyIsNamed() {
    Gpt g = new Gpt(GptConfig.of(10, 4, 1, 2, 8, 0), 1, DataType.FLOAT);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> g.probabilities(new int[][] {{1, 2, 10, 3}}));
    assertTrue(e.getMessage().contains("token id 10"), e.getMessage());
  }
}
