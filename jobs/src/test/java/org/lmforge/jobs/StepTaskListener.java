package org.lmforge.jobs;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * What the Spark scheduler did to the pretrain job's training steps, from its listener events:
 * which stages are steps (SparkStep describes each step's job as "step k/n: ..."), each task of a
 * step as it starts, how every task ended, and which executors were removed and why. Events arrive
 * on Spark's listener thread, the test reads them from its own threads: concurrent collections
 * only.
 */
final class StepTaskListener extends SparkListener {
  private final Set<Integer> stepStages = ConcurrentHashMap.newKeySet();

  /** Task starts of step stages, in the order the scheduler launched them. */
  final BlockingQueue<SparkListenerTaskStart> stepTaskStarts = new LinkedBlockingQueue<>();

  /** Every task end, by task id (each attempt of a partition has its own task id). */
  final Map<Long, SparkListenerTaskEnd> taskEnds = new ConcurrentHashMap<>();

  /** Removed executors: id to Spark's reason. */
  final Map<String, String> removedExecutors = new ConcurrentHashMap<>();

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    Properties p = submitted.properties();
    String description = p == null ? null : p.getProperty("spark.job.description");
    if (description != null && description.startsWith("step "))
      stepStages.add(submitted.stageInfo().stageId());
  }

  @Override
  public void onTaskStart(SparkListenerTaskStart start) {
    if (stepStages.contains(start.stageId())) stepTaskStarts.add(start);
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    taskEnds.put(end.taskInfo().taskId(), end);
  }

  @Override
  public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
    removedExecutors.put(removed.executorId(), removed.reason());
  }
}
