package org.lmforge.pipeline.cluster;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.lmforge.pipeline.job.UserError;

/**
 * The driver side of GPU scheduling for a data-parallel run, checked before anything trains: one
 * replica per GPU, so each executor offers min(its GPUs, its cores / spark.task.cpus) replica
 * slots, and the run needs one slot per replica. Every mistake a user can make in the settings
 * stops the job here with the setting named.
 *
 * @param executors the executors registered when the check passed
 * @param slots replicas that can hold a GPU at the same time
 */
public record GpuSlots(List<SparkExecutors.Executor> executors, int slots) {
  public static final String TASK_AMOUNT = "spark.task.resource.gpu.amount";
  public static final String EXECUTOR_AMOUNT = "spark.executor.resource.gpu.amount";

  /** True when the application asks Spark for GPUs (task or executor amount set above zero). */
  public static boolean requested(SparkConf conf) {
    return amount(conf, TASK_AMOUNT) > 0 || amount(conf, EXECUTOR_AMOUNT) > 0;
  }

  /**
   * The settings alone (no session needed, so the command line checks them before Spark starts):
   * GPUs on executors need one per task, and exactly one.
   */
  public static void checkSettings(SparkConf conf) {
    if (!requested(conf)) return;
    double task = amount(conf, TASK_AMOUNT);
    if (task <= 0) {
      throw new UserError(
          EXECUTOR_AMOUNT
              + "="
              + conf.get(EXECUTOR_AMOUNT)
              + " gives executors GPUs, but "
              + TASK_AMOUNT
              + " is not set, so no replica would be bound to one; set "
              + TASK_AMOUNT
              + "=1 (one replica "
              + "per GPU), or remove "
              + EXECUTOR_AMOUNT
              + " to train on CPUs");
    }
    if (task != 1) {
      throw new UserError(
          TASK_AMOUNT
              + "="
              + conf.get(TASK_AMOUNT)
              + ": the pretrain job runs one replica per GPU; "
              + "set it to 1 (more replicas on one GPU would only take turns on it; several GPUs per replica are not "
              + "used)");
    }
    if (amount(conf, EXECUTOR_AMOUNT) <= 0) {
      throw new UserError(
          TASK_AMOUNT
              + "=1 asks for a GPU per task, but "
              + EXECUTOR_AMOUNT
              + " is not set; set it "
              + "to the GPUs each executor gets (and spark.executor.resource.gpu.discoveryScript, e.g. bin/gpu-discovery, "
              + "where the cluster manager does not discover them)");
    }
  }

  /**
   * Everything before training: the settings, a backend that can bind GPUs, a cluster master, and
   * executors with enough GPU slots for {@code replicas} (0 = one replica per slot), waiting for
   * executors to register for up to {@code spark.scheduler.maxRegisteredResourcesWaitingTime}.
   */
  public static GpuSlots check(SparkContext sc, int replicas, DeviceBinder binder) {
    SparkConf conf = sc.getConf();
    checkSettings(conf);
    String why = binder.cannotBind();
    if (why != null) {
      throw new UserError(
          TASK_AMOUNT
              + "="
              + conf.get(TASK_AMOUNT)
              + " asks for GPUs, but on the driver "
              + why
              + "; build the application jar with mvn -Pcuda package (ND4J's CUDA backend), or remove the "
              + "spark.*.resource.gpu.* settings to train on CPUs");
    }
    if (sc.isLocal()) {
      throw new UserError(
          TASK_AMOUNT
              + " is set, but the master is "
              + sc.master()
              + ": Spark's local mode assigns "
              + "no GPUs to tasks, so a step would wait for one forever; use a cluster master (a standalone master and "
              + "worker on this machine will do, see docs/pretrain.md), or remove the spark.*.resource.gpu.* settings");
    }
    int taskCpus = conf.getInt("spark.task.cpus", 1);
    int needed = Math.max(1, replicas);
    List<SparkExecutors.Executor> now =
        SparkExecutors.await(sc, e -> of(e, taskCpus).slots >= needed);
    GpuSlots s = of(now, taskCpus);
    if (s.slots < needed) {
      throw new UserError(
          (replicas > 0
                  ? "pretrain.replicas=" + replicas + " needs " + replicas + " GPU slots"
                  : "the run needs at least one GPU slot")
              + ", but "
              + s.describe()
              + " after waiting "
              + SparkExecutors.waitMillis(sc) / 1000
              + " s (spark.scheduler.maxRegisteredResourcesWaitingTime); one "
              + "replica runs per GPU: "
              + (s.slots > 0
                  ? "set pretrain.replicas to "
                      + s.slots
                      + " or fewer (0 = one per "
                      + "GPU slot), or "
                  : "")
              + "give the job more GPUs ("
              + EXECUTOR_AMOUNT
              + ", more executors; workers "
              + "advertise theirs with spark.worker.resource.gpu.amount and spark.worker.resource.gpu.discoveryScript)");
    }
    return s;
  }

  /** The slots these executors offer; an address that is not a device number is refused here. */
  static GpuSlots of(List<SparkExecutors.Executor> executors, int taskCpus) {
    int slots = 0;
    for (SparkExecutors.Executor e : executors) {
      for (String a : e.gpus()) TaskGpu.device(a, e.id());
      slots += Math.min(e.gpus().size(), e.cores() / Math.max(1, taskCpus));
    }
    return new GpuSlots(List.copyOf(executors), slots);
  }

  /** e.g. "2 GPU slots on 1 executor (executor 0 on 127.0.0.1: GPUs 0,1, 2 cores)". */
  public String describe() {
    String each =
        executors.stream()
            .map(
                e ->
                    "executor "
                        + e.id()
                        + " on "
                        + e.host()
                        + ": "
                        + (e.gpus().isEmpty() ? "no GPUs" : "GPUs " + String.join(",", e.gpus()))
                        + ", "
                        + e.cores()
                        + " cores")
            .collect(Collectors.joining("; "));
    return slots
        + " GPU slot"
        + (slots == 1 ? "" : "s")
        + " on "
        + executors.size()
        + " executor"
        + (executors.size() == 1 ? "" : "s")
        + (executors.isEmpty() ? "" : " (" + each + ")");
  }

  private static double amount(SparkConf conf, String key) {
    if (!conf.contains(key)) return 0;
    try {
      return Double.parseDouble(conf.get(key).strip());
    } catch (NumberFormatException e) {
      throw new UserError(key + "=" + conf.get(key) + " is not a number; set it to 1");
    }
  }
}
