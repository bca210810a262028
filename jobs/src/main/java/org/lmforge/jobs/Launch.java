package org.lmforge.jobs;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.lmforge.pipeline.io.HadoopConf;
import org.lmforge.pipeline.job.Chain;
import org.lmforge.pipeline.job.Job;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.job.Sessions;

/**
 * Runs jobs from the command line: each checked before its work, progress on stdout (or where the
 * command says), one Spark session for all of them, started when the first job that needs Spark
 * runs (never for a mistake the first check finds, never for a job that runs on the driver alone)
 * and stopped at the end.
 */
final class Launch {
  private Launch() {}

  /** One job, whatever its output holds (its check decides). */
  static void run(String command, String master, Job<?> job) throws IOException {
    run(command, master, List.of(job), false);
  }

  /** Jobs one after another; with {@code keepComplete}, those whose output is complete are kept. */
  static void run(String command, String master, List<? extends Job<?>> jobs, boolean keepComplete)
      throws IOException {
    try (LazySession session = new LazySession(command, master)) {
      new Chain(jobs, keepComplete)
          .run(HadoopConf.beforeSession(), session, Progress.to(System.out));
    }
  }

  /**
   * One job whose result the command shows (doctor's verdict, generate's text): run as {@link #run}
   * does, progress to {@code progress}, so a command can keep stdout for the result alone. {@code
   * master} may be null for a job that never needs Spark ({@link Job#needsSpark} false): no session
   * is started for it.
   */
  static <R> R result(String command, String master, Job<R> job, Progress progress)
      throws IOException {
    try (LazySession session = new LazySession(command, master)) {
      return Chain.runOne(job, HadoopConf.beforeSession(), session, progress);
    }
  }

  /**
   * One job that runs on the driver alone (generate): as {@link #result}, but no Spark session is
   * ever started; a job that asks for one anyway fails loudly instead of quietly starting Spark.
   */
  static <R> R onDriver(Job<R> job, Progress progress) throws IOException {
    return Chain.runOne(
        job,
        HadoopConf.beforeSession(),
        () -> {
          throw new IllegalStateException(
              job.name() + " runs on the driver alone, without a Spark session");
        },
        progress);
  }

  /** The session, started on the first call, stopped by {@link #close} if it was. */
  private static final class LazySession implements Supplier<SparkSession>, AutoCloseable {
    private final String command;
    private final String master;
    private SparkSession session;

    LazySession(String command, String master) {
      this.command = command;
      this.master = master;
    }

    @Override
    public SparkSession get() {
      if (session == null) session = Sessions.create("lmforge-" + command, master);
      return session;
    }

    @Override
    public void close() {
      if (session != null) session.close();
    }
  }
}
