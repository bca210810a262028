package org.lmforge.pipeline.train;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.lmforge.model.gpt.GptConfig;
import org.lmforge.pipeline.job.UserError;

/**
 * A floor on the memory of one training step on a machine that runs {@code replicas} replicas, so
 * that a batch no machine could hold is refused before anything trains: without it, a batch size of
 * 65,536 sequences on the 2-core demo machine ran until the kernel killed the JVM (exit 137, no
 * message). The floor counts only one array that every replica's micro-batch must hold: the head's
 * softmax probabilities [B,T,V] (the hand-written head computes the logits, the probabilities and
 * their gradient in that one buffer). Weights, AdamW state, each layer's activations and the JVM's
 * heap come on top, so a step above the floor cannot run, and one below it may still not fit.
 */
record StepMemory(GptConfig model, int sequences, int replicas, int bytesPerElement) {

  /** Bytes of the probabilities of every replica's micro-batch. */
  double floorBytes() {
    return (double) bytesPerElement
        * sequences
        * (double) model.contextLength()
        * model.vocabSize()
        * replicas;
  }

  /** The physical memory of this machine (of its container, where the JVM sees a limit). */
  static long physicalBytes() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize();
  }

  /** A {@link UserError} naming the batch settings when the floor exceeds {@code available}. */
  void check(long available) {
    if (floorBytes() <= available) return;
    throw UserError.of(
        "one training step needs more memory than this machine has:",
        String.format(
            Locale.ROOT,
            "pretrain.optim.batchSize = %d sequences x %d tokens x vocabulary %d on %d replica%s"
                + " hold at least %.1f GB of output probabilities (%d bytes each), and this"
                + " machine has %.1f GB",
            sequences,
            model.contextLength(),
            model.vocabSize(),
            replicas,
            replicas == 1 ? "" : "s",
            floorBytes() / 1e9,
            bytesPerElement,
            available / 1e9),
        "lower pretrain.optim.batchSize and raise pretrain.optim.gradAccum by the same factor"
            + " (the same tokens per step, in more micro-batches)");
  }
}
