package org.lmforge.pipeline.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the pretrain job prints at its end: the figures of summary.json, readable. */
class PretrainResultTest {
  @Test
  void theSummaryGivesTheRunsSizeLossAndSpeed() {
    PretrainResult r =
        new PretrainResult(
            "file:/w/run",
            300,
            2,
            2048,
            127_680,
            193_216,
            614_400,
            4.7068416e11,
            5.4213,
            5.4102,
            226.19,
            3.0251,
            45.23,
            38_475.4,
            0.021,
            0.0004,
            0.001,
            0,
            0);
    assertEquals(
        List.of(
            "pretrain: 300 steps on 2 replicas, 2,048 tokens a step: 614,400 tokens,"
                + " N = 127,680 non-embedding parameters, 4.71e+11 FLOPs (6ND)",
            "pretrain: validation loss 5.4213 (best 5.4102), perplexity 226.19, 3.0251 bits/byte;"
                + " 45.2 s, 38,475 tokens/s"),
        r.summary().lines().toList());
  }

  @Test
  void aResumedOrRecoveredRunSaysSo() {
    PretrainResult r =
        new PretrainResult(
            "file:/w/run",
            10,
            1,
            64,
            100,
            200,
            640,
            3.84e5,
            7.0,
            7.0,
            1096.6,
            4.0,
            2.0,
            320.0,
            0.1,
            0.0,
            0.0,
            1,
            4);
    assertEquals(
        "pretrain: validation loss 7.0000 (best 7.0000), perplexity 1096.60, 4.0000 bits/byte;"
            + " 2.0 s, 320 tokens/s, resumed from step 4, recovered 1× from a lost executor",
        r.summary().lines().toList().get(1));
  }
}
