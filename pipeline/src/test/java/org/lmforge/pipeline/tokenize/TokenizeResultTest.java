package org.lmforge.pipeline.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmforge.pipeline.tokenize.TokenizeResult.SplitCounts;

/** What the tokenize job prints at its end: the figures of stats.json, readable. */
class TokenizeResultTest {
  @Test
  void theSummarySaysWhatEachSplitHoldsAndHowLongEachPartTook() {
    TokenizeResult r =
        new TokenizeResult(
            1763,
            0,
            0,
            new SplitCounts(1662, 787_779, 2_003_974, 4),
            new SplitCounts(101, 46_499, 120_348, 4),
            8,
            "lmforge-bpe-2k-494efacd0e6f",
            2048,
            2.551692161702792,
            72_800,
            1427,
            430,
            900);
    assertEquals(
        List.of(
            "tokenize: 1,763 documents: train 1,662 documents, 787,779 tokens in 4 shards;"
                + " validation 101 documents, 46,499 tokens in 4 shards",
            "tokenize: lmforge-bpe-2k-494efacd0e6f (2,048 ids), 2.55 bytes/token;"
                + " counting 1.4 s, merges 0.4 s, encoding 0.9 s"),
        r.summary().lines().toList());
  }

  @Test
  void skippedDocumentsAreCountedOnlyWhenThereAreSome() {
    SplitCounts none = new SplitCounts(0, 0, 0, 0);
    TokenizeResult r = new TokenizeResult(12, 2, 1, none, none, 0, "t", 256, 1.0, 0, 0, 5, 0);
    assertEquals(
        "tokenize: 12 documents (2 empty and 1 without an id skipped): train 0 documents, 0 tokens"
            + " in 0 shards; validation 0 documents, 0 tokens in 0 shards",
        r.summary().lines().findFirst().orElseThrow());
  }
}
