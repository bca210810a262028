package org.lmforge.pipeline.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.lmforge.pipeline.job.Job;
import org.lmforge.pipeline.job.Progress;

/**
 * {@code pipeline doctor}: what the driver and every executor run on (Java, Spark, ND4J and its
 * backend and BLAS, CUDA devices, the GPUs Spark assigned, a measured sgemm rate), and whether they
 * agree. The first thing to run on a new cluster: an executor whose ND4J backend differs from the
 * driver's (a CPU jar on GPU executors, or the reverse) or whose native libraries do not load would
 * otherwise fail in the middle of the first training step. The report lists such problems; the
 * command line turns them into a non-zero exit.
 */
public final class DoctorJob implements Job<DoctorJob.Report> {
  /**
   * How long the executor set must stay the same before it is taken as complete (no executor count
   * given).
   */
  static final long SETTLE_MS = 3_000;

  /**
   * @param problems what makes the cluster unfit for training, one sentence each (empty: fit)
   * @param warnings what works but is likely not what was meant
   */
  public record Report(
      NodeReport driver, List<NodeReport> executors, List<String> problems, List<String> warnings) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  @Override
  public String name() {
    return "doctor";
  }

  @Override
  public Report run(SparkSession spark, Progress progress) {
    SparkContext sc = spark.sparkContext();
    progress.printf("doctor: master %s, application %s", sc.master(), sc.applicationId());
    NodeReport driver = NodeReport.here("driver");
    print(driver, progress);
    List<SparkExecutors.Executor> executors = awaitExecutors(sc);
    progress.printf(
        "%d executor%s registered%s",
        executors.size(),
        executors.size() == 1 ? "" : "s",
        sc.isLocal() ? " (local mode: the driver JVM is the executor)" : "");
    Map<String, NodeReport> reports = ExecutorProbe.onEach(sc, executors);
    reports.values().forEach(r -> print(r, progress));

    List<String> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    if (driver.nd4jError() != null) {
      problems.add(
          "the driver: ND4J failed to load ("
              + driver.nd4jError()
              + "); check the application jar's ND4J "
              + "artifacts for this platform");
    }
    if (executors.isEmpty())
      problems.add(
          "no executor registered within "
              + SparkExecutors.waitMillis(sc) / 1000
              + " s (spark.scheduler.maxRegisteredResourcesWaitingTime); check the master URL and that workers have free "
              + "cores and memory for spark.executor.cores / spark.executor.memory");
    for (SparkExecutors.Executor e : executors) {
      NodeReport r = reports.get(e.id());
      String who = "executor " + e.id() + " (" + e.host() + ")";
      if (r == null) {
        problems.add(
            who
                + ": no probe task ran there in "
                + ExecutorProbe.ROUNDS
                + " rounds; it may be busy or lost");
      } else if (r.nd4jError() != null) {
        problems.add(
            who
                + ": ND4J's native libraries failed to load: "
                + r.nd4jError()
                + "; the executor's "
                + "platform needs the matching nd4j-native (or nd4j-cuda) classifier jar and its system libraries");
      } else if (driver.backend() != null && !driver.backend().equals(r.backend())) {
        problems.add(
            who
                + ": ND4J backend "
                + r.backend()
                + " differs from the driver's "
                + driver.backend()
                + "; run the same application jar everywhere (built with mvn -Pcuda package for GPU executors, without "
                + "it for CPU ones)");
      } else if (!r.executorGpus().isEmpty() && !"CUDA".equals(r.backend())) {
        warnings.add(
            who
                + " was given GPUs "
                + String.join(",", r.executorGpus())
                + " but runs ND4J's "
                + r.backend()
                + " backend: they would sit idle, and pretrain refuses spark.task.resource.gpu.amount");
      }
    }
    warnings.forEach(w -> progress.line("warning: " + w));
    if (problems.isEmpty()) {
      progress.printf(
          "ok: the driver and %d executor%s load ND4J's %s backend",
          reports.size(), reports.size() == 1 ? "" : "s", driver.backend());
    } else {
      problems.forEach(p -> progress.line("problem: " + p));
    }
    return new Report(
        driver, List.copyOf(reports.values()), List.copyOf(problems), List.copyOf(warnings));
  }

  /**
   * Executors as they register: local mode has its one; with {@code spark.executor.instances} set,
   * that many; otherwise (standalone starts all of an application's executors at once) the set once
   * it has not grown for {@link #SETTLE_MS}, waiting at most Spark's {@code
   * spark.scheduler.maxRegisteredResourcesWaitingTime}.
   */
  static List<SparkExecutors.Executor> awaitExecutors(SparkContext sc) {
    if (sc.isLocal()) return SparkExecutors.registered(sc);
    int expected = sc.getConf().getInt("spark.executor.instances", 0);
    if (expected > 0) return SparkExecutors.await(sc, e -> e.size() >= expected);
    long end = System.currentTimeMillis() + SparkExecutors.waitMillis(sc);
    List<SparkExecutors.Executor> now = SparkExecutors.await(sc, e -> !e.isEmpty());
    long stableSince = System.currentTimeMillis();
    while (!now.isEmpty()
        && System.currentTimeMillis() - stableSince < SETTLE_MS
        && System.currentTimeMillis() < end) {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      List<SparkExecutors.Executor> next = SparkExecutors.registered(sc);
      if (next.size() != now.size()) stableSince = System.currentTimeMillis();
      now = next;
    }
    return now;
  }

  private static void print(NodeReport r, Progress out) {
    out.printf("%s (%s, pid %d)", r.node(), r.host(), r.pid());
    out.printf("  java     %s", r.java());
    out.printf("  spark    %s", r.spark());
    if (r.nd4jError() != null) {
      out.printf("  nd4j     FAILED TO LOAD: %s", r.nd4jError());
    } else {
      out.printf("  nd4j     %s, backend %s (%s)", r.nd4j(), r.backend(), r.backendClass());
      out.printf(
          "  blas     %s, %s BLAS thread(s), %s OpenMP thread(s)",
          r.blas(), r.blasThreads(), r.ompThreads());
      out.printf(
          "  devices  %s",
          r.devices().isEmpty()
              ? "no CUDA devices (" + r.backend() + " backend)"
              : String.join("; ", r.devices()));
    }
    boolean executor = !r.node().equals("driver");
    if (executor) {
      out.printf(
          "  gpus     %s; this executor has %s",
          r.taskGpus().isEmpty()
              ? "none assigned to the probe task"
              : "Spark assigned " + String.join(",", r.taskGpus()) + " to the probe task",
          r.executorGpus().isEmpty() ? "none" : String.join(",", r.executorGpus()));
    }
    if (r.nd4jError() == null) {
      out.printf(
          "  sgemm    %.1f GFLOP/s (%dx%dx%d fp32, best of %d)",
          r.sgemmGflops(),
          NodeReport.SGEMM_N,
          NodeReport.SGEMM_N,
          NodeReport.SGEMM_N,
          NodeReport.SGEMM_REPS);
    }
  }
}
