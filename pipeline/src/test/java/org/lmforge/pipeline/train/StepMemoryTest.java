package org.lmforge.pipeline.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lmforge.model.gpt.GptConfig;
import org.lmforge.pipeline.job.UserError;

/** The floor on a step's memory, on the demo's model shape with the batch that killed the JVM. */
class StepMemoryTest {
  // vocabulary 2048, context 128: the demo sweep's tokenizer and pretrain.conf's context
  static final StepMemory HUGE = new StepMemory(GptConfig.of(2048, 128, 2, 2, 48, 0), 65536, 2, 4);

  @Test
  void theFloorIsTheProbabilitiesOfEveryReplica() {
    // 4 bytes x 65,536 sequences x 128 tokens x 2,048 ids x 2 replicas, by hand
    assertEquals(137_438_953_472.0, HUGE.floorBytes(), 0.0);
  }

  @Test
  void aStepAboveTheMachineIsRefusedNamingTheBatchAndTheFix() {
    UserError e = assertThrows(UserError.class, () -> HUGE.check(24_000_000_000L));
    assertEquals(
        "one training step needs more memory than this machine has: pretrain.optim.batchSize ="
            + " 65536 sequences x 128 tokens x vocabulary 2048 on 2 replicas hold at least 137.4 GB"
            + " of output probabilities (4 bytes each), and this machine has 24.0 GB; lower"
            + " pretrain.optim.batchSize and raise pretrain.optim.gradAccum by the same factor (the"
            + " same tokens per step, in more micro-batches)",
        e.getMessage());
  }

  @Test
  void aStepBelowTheMachinePasses() {
    HUGE.check(137_438_953_472L);
    new StepMemory(GptConfig.of(2048, 128, 2, 2, 48, 0), 16, 2, 4)
        .check(StepMemory.physicalBytes());
    assertTrue(StepMemory.physicalBytes() > 100_000_000L, "a machine has memory");
  }
}
