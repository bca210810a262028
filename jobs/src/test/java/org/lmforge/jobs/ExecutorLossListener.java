package org.lmforge.jobs;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.TaskFailedReason;

/** Registered through spark.extraListeners: counts executors lost and tasks failed during a job. */
public final class ExecutorLossListener extends SparkListener {
  static final AtomicInteger EXECUTORS_REMOVED = new AtomicInteger();
  static final AtomicInteger TASKS_FAILED = new AtomicInteger();

  @Override
  public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
    EXECUTORS_REMOVED.incrementAndGet();
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    if (end.reason() instanceof TaskFailedReason) TASKS_FAILED.incrementAndGet();
  }
}
