package org.lmforge.pipeline.cluster;

import org.lmforge.pipeline.job.UserError;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's own binding: {@code AffinityManager.unsafeSetDevice(device)} on the calling thread, the
 * call DL4J's ParallelInference and gradient accumulators make for their per-device worker threads.
 * It needs the CUDA backend: the CPU backend has one "device" and ignores the call, so binding
 * there would hide a mistake.
 */
public final class Nd4jDeviceBinder implements DeviceBinder {
  private static final long serialVersionUID = 1L;

  @Override
  public String cannotBind() {
    return Nd4jInfo.cuda()
        ? null
        : "ND4J's backend is "
            + Nd4jInfo.backend()
            + " ("
            + Nd4jInfo.backendClass()
            + ", the nd4j-native artifact), which cannot use GPUs";
  }

  @Override
  public void bind(int device) {
    String why = cannotBind();
    if (why != null) {
      throw new UserError(
          "Spark assigned GPU "
              + device
              + " to a replica on executor "
              + TaskGpu.executorId()
              + ", but there "
              + why
              + "; ship the jar built with mvn -Pcuda package to every executor (bin/pipeline "
              + "doctor shows each executor's backend)");
    }
    int devices = Nd4j.getAffinityManager().getNumberOfDevices();
    if (device >= devices) {
      throw new UserError(
          "Spark assigned GPU "
              + device
              + " on executor "
              + TaskGpu.executorId()
              + ", but ND4J sees "
              + devices
              + " CUDA device(s) there (0.."
              + (devices - 1)
              + "); the discovery script "
              + "(spark.executor.resource.gpu.discoveryScript or spark.worker.resource.gpu.discoveryScript) must print "
              + "CUDA device ordinals as this process numbers them (CUDA_VISIBLE_DEVICES renumbers them)");
    }
    Nd4j.getAffinityManager().unsafeSetDevice(device);
  }
}
