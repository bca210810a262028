/**
 * Benchmarks of training ({@code model/…/train}, {@code pipeline/…/train}): {@code MfuBench}
 * (tokens/s and model FLOP utilisation of 1M/10M/30M GPTs against {@code SgemmPeak}, the sgemm
 * peaks measured in the same run, also read by {@code bin/bench-trainer}), {@code
 * ShakespeareCharBench} (nanoGPT's CPU run on tinyshakespeare), {@code MemoryFlatBench} (off-heap
 * leak check over thousands of steps), {@code AdamWBench} (one optimizer update), {@code
 * StepCostBench} (CPU time per step per shape, what the sweep planner sizes budgets with) and
 * {@code PretrainBench} (data-parallel pretraining on a loopback standalone cluster, 1 and more
 * executors).
 */
package org.lmforge.bench.train;
