package org.lmforge.pipeline.train;

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
    long resumedFromStep) {}
