package org.lmforge.pipeline.train;

import java.io.Serializable;
import org.lmforge.model.gpt.GptConfig;
import org.lmforge.model.train.BatchSampler;
import org.lmforge.pipeline.cluster.DeviceBinder;
import org.lmforge.pipeline.io.HadoopConf;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * What a replica needs to rebuild itself on any executor (a fresh one after a crash included): the
 * token shards, the architecture, how rows map to windows, its share of each step, and where it
 * computes.
 *
 * @param runKey identifies the run; an executor keeps replicas of one run at a time
 * @param replicas K: replica k takes rows {@code first + (i·K + k)·batchSize} of micro-batch i, so
 *     that K replicas together take exactly the rows one process with batch K·batchSize would
 * @param dtype the replica model's floating-point type (FLOAT, or HALF for fp16 compute)
 * @param gpuBinder binds a task's thread to the GPU Spark assigned it; null when the run asked for
 *     no GPUs
 */
record ReplicaSpec(
    String runKey,
    String tokens,
    HadoopConf hadoop,
    GptConfig model,
    long seed,
    BatchSampler.Mode sampling,
    int batchSize,
    int gradAccum,
    int replicas,
    int threads,
    DataType dtype,
    DeviceBinder gpuBinder)
    implements Serializable {

  /**
   * Global sample row of micro-batch {@code i} of replica {@code k} in the step starting at {@code
   * first}.
   */
  long row(long first, int micro, int k) {
    return first + ((long) micro * replicas + k) * batchSize;
  }

  long rowsPerStep() {
    return (long) replicas * batchSize * gradAccum;
  }
}
