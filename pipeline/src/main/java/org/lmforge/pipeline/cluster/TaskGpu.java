package org.lmforge.pipeline.cluster;

import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.lmforge.pipeline.job.UserError;

/**
 * The executor side of GPU scheduling: the GPU Spark assigned to the running task ({@code
 * TaskContext.resources().get("gpu")}, one address with {@code spark.task.resource.gpu.amount=1})
 * and binding this thread to it. A task thread of an executor may run any replica, so every task
 * binds again.
 */
public final class TaskGpu {
  /**
   * What {@link #bind} returns when the run uses no GPUs: nothing to bind, replicas run on the CPU.
   */
  public static final int NONE = -1;

  private TaskGpu() {}

  /**
   * Binds the calling task thread to the GPU Spark assigned this task and returns its device
   * number; with a null binder (no GPUs requested) binds nothing and returns {@link #NONE}.
   */
  public static int bind(DeviceBinder binder) {
    if (binder == null) return NONE;
    TaskContext tc = TaskContext.get();
    if (tc == null) throw new IllegalStateException("a GPU replica must run inside a Spark task");
    ResourceInformation gpu = tc.resourcesJMap().get("gpu");
    if (gpu == null || gpu.addresses().length != 1) {
      throw new IllegalStateException(
          "task "
              + tc.partitionId()
              + " on executor "
              + executorId()
              + " got "
              + (gpu == null ? "no GPU" : gpu.addresses().length + " GPUs")
              + " although the run asked Spark for one per "
              + "task (spark.task.resource.gpu.amount=1)");
    }
    int device = device(gpu.addresses()[0], executorId());
    binder.bind(device);
    return device;
  }

  /**
   * A GPU address as a CUDA device number; anything else is a discovery script that prints
   * something else.
   */
  static int device(String address, String executor) {
    try {
      int d = Integer.parseInt(address.strip());
      if (d >= 0) return d;
    } catch (NumberFormatException notANumber) {
      // worded below
    }
    throw new UserError(
        "executor "
            + executor
            + " has GPU address '"
            + address
            + "', which is not a CUDA device "
            + "number; replicas bind ND4J to device ordinals: make the discovery script "
            + "(spark.executor.resource.gpu.discoveryScript or spark.worker.resource.gpu.discoveryScript) print indices "
            + "0..N-1, as bin/gpu-discovery does");
  }

  static String executorId() {
    SparkEnv env = SparkEnv.get();
    return env == null ? "?" : env.executorId();
  }
}
