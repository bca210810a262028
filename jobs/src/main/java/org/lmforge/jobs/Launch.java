package org.lmforge.jobs;

import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.lmforge.pipeline.Sessions;
import org.lmforge.pipeline.io.HadoopConf;
import org.lmforge.pipeline.job.Chain;
import org.lmforge.pipeline.job.Job;
import org.lmforge.pipeline.job.Progress;

/**
 * Runs jobs from the command line: each checked before its work, progress on stdout, one Spark session for all
 * of them, started when the first job that needs Spark runs (never for a mistake the first check finds) and
 * stopped at the end.
 */
final class Launch {
  private Launch() {}

  /** One job, whatever its output holds (its check decides). */
  static void run(String command, String master, Job<?> job) throws IOException {
    run(command, master, Chain.of(job));
  }

  /** Jobs one after another; with {@code keepComplete}, those whose output is complete are kept. */
  static void run(String command, String master, List<? extends Job<?>> jobs, boolean keepComplete)
      throws IOException {
    run(command, master, new Chain(jobs, keepComplete));
  }

  private static void run(String command, String master, Chain chain) throws IOException {
    SparkSession[] session = {null};
    try {
      chain.run(HadoopConf.beforeSession(), () -> {
        if (session[0] == null) session[0] = Sessions.create("lmforge-" + command, master);
        return session[0];
      }, Progress.to(System.out));
    } finally {
      if (session[0] != null) session[0].close();
    }
  }
}
