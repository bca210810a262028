package org.lmforge.pipeline.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lmforge.model.gpt.GptConfig;
import org.lmforge.pipeline.job.UserError;

/**
 * The pretrain job's {@code model} section is a {@link GptConfig}: its vocabulary 0 takes the token
 * shards', a larger one is kept (a padded embedding), a smaller one is refused naming both.
 */
class PretrainConfigTest {
  static PretrainConfig withVocab(int vocab) {
    return TinyPretrain.config("tokens", "out").withModel(TinyPretrain.MODEL.withVocabSize(vocab));
  }

  @Test
  void vocabularyZeroTakesTheShardsAndALargerOneIsKept() {
    assertEquals(512, withVocab(0).gpt(512).vocabSize());
    assertEquals(576, withVocab(576).gpt(512).vocabSize());
    assertEquals(512, withVocab(0).trainConfig(512).model().vocabSize());
  }

  @Test
  void aSmallerVocabularyIsRefusedNamingBoth() {
    UserError e = assertThrows(UserError.class, () -> withVocab(256).gpt(512));
    assertTrue(e.getMessage().contains("pretrain.model.vocabSize=256"), e.getMessage());
    assertTrue(e.getMessage().contains("512 ids"), e.getMessage());
  }

  @Test
  void aNetworkIsNeverBuiltWithAnUnresolvedVocabulary() {
    GptConfig unresolved = withVocab(0).model();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new org.lmforge.model.gpt.Gpt(unresolved, 1L));
    assertTrue(e.getMessage().contains("must be resolved"), e.getMessage());
  }
}
