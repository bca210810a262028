package org.lmforge.jobs;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;

/** Registered through spark.extraListeners: counts executors lost during a job. */
public final class ExecutorLossListener extends SparkListener {
  static final AtomicInteger EXECUTORS_REMOVED = new AtomicInteger();

  @Override
  public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
    EXECUTORS_REMOVED.incrementAndGet();
  }
}
