package org.lmforge.pipeline.train;

import java.util.Locale;

/**
 * summary.json of a pretrain run: what a sweep table needs (N, D, C, losses, speed) and where the
 * time of a data-parallel step went.
 *
 * @param params non-embedding parameters (Kaplan's N)
 * @param paramsTotal all parameters, tied embedding counted once
 * @param tokens training tokens seen (D = steps · effective batch)
 * @param flops 6·N·D
 * @param tokensPerSecond training tokens per second of step time in this invocation, steady state:
 *     evaluation and the invocation's first step (replica construction, JIT) excluded
 * @param computeSecondsPerStep mean over steps (first excluded) of the slowest replica's gradient
 *     task
 * @param syncSecondsPerStep mean of the rest of a step's Spark job: scheduling, weight broadcast,
 *     gradient reduce
 * @param updateSecondsPerStep mean driver time for clip + AdamW
 */
public record PretrainResult(
    String output,
    long steps,
    int replicas,
    long effectiveBatchTokens,
    long params,
    long paramsTotal,
    long tokens,
    double flops,
    double finalValLoss,
    double bestValLoss,
    double perplexity,
    double bitsPerByte,
    double wallSeconds,
    double tokensPerSecond,
    double computeSecondsPerStep,
    double syncSecondsPerStep,
    double updateSecondsPerStep,
    int recoveries,
    long resumedFromStep) {

  /** Two lines for the person running the job; summary.json holds every field. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "pretrain: %,d steps on %d replica%s, %,d tokens a step: %,d tokens, N = %,d"
            + " non-embedding parameters, %.3g FLOPs (6ND)%n"
            + "pretrain: validation loss %.4f (best %.4f), perplexity %.2f, %.4f bits/byte;"
            + " %.1f s, %,.0f tokens/s%s",
        steps,
        replicas,
        replicas == 1 ? "" : "s",
        effectiveBatchTokens,
        tokens,
        params,
        flops,
        finalValLoss,
        bestValLoss,
        perplexity,
        bitsPerByte,
        wallSeconds,
        tokensPerSecond,
        (resumedFromStep > 0 ? ", resumed from step " + resumedFromStep : "")
            + (recoveries == 0 ? "" : ", recovered " + recoveries + "× from a lost executor"));
  }
}
