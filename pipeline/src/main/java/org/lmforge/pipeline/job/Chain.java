package org.lmforge.pipeline.job;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * Jobs run one after another, each the same job as when run alone, its inputs the outputs of the
 * jobs before it (wired by whoever built the list: {@code all} is clean, tokenize and the sweep's
 * jobs; {@code sweep} is the sweep, its fit, its prediction run and its report). With {@code
 * keepComplete} a job whose output is already complete is kept, not run again, so a chain killed
 * half-way continues where it stopped; once a job has run, a later complete output is redone (it
 * was made from the old input), with {@link Job#replacingOutput}.
 *
 * <p>Each job is checked just before it runs (its inputs may be written by the job before it). The
 * Spark session is asked for only when a job that needs one runs, so a mistake the first job's
 * check finds costs no Spark start, and a chain of driver-only jobs (fits, report) starts none.
 */
public final class Chain {
  private final List<Job<?>> jobs;
  private final boolean keepComplete;

  public Chain(List<? extends Job<?>> jobs, boolean keepComplete) {
    this.jobs = List.copyOf(jobs);
    this.keepComplete = keepComplete;
  }

  /**
   * A single job, run whether or not its output is complete (its own check decides what an existing
   * one means).
   */
  public static Chain of(Job<?> job) {
    return new Chain(List.of(job), false);
  }

  /**
   * @param hadoop the configuration inputs and outputs are checked with (before the session exists)
   * @param session the session, started by the first call (the caller stops it)
   */
  public void run(Configuration hadoop, Supplier<SparkSession> session, Progress progress)
      throws IOException {
    String ranNow = null; // the first job of the chain that ran rather than being kept
    for (Job<?> job : jobs) {
      boolean complete = keepComplete && job.complete(hadoop);
      if (complete && ranNow == null) {
        progress.line(
            job.name() + ": " + job.output() + " is complete, kept (--overwrite redoes it)");
        continue;
      }
      if (complete) {
        // made from what the job before wrote before it ran again (clean redone after a change or
        // a kill): keeping it would pair new tokens with an old sweep, say, as make redoes it
        progress.line(
            job.name()
                + ": "
                + job.output()
                + " is complete but older than the output of "
                + ranNow
                + ", which ran now: redone");
        runOne(job.replacingOutput(), hadoop, session, progress);
      } else {
        runOne(job, hadoop, session, progress);
      }
      if (ranNow == null) ranNow = job.name();
    }
  }

  /**
   * One job as a chain runs each of its jobs: checked, then run, with the session only when it
   * needs Spark (asked after the check, which may decide it, e.g. eval of a Parquet input). Returns
   * the job's result, for a command that prints it (generate, doctor).
   */
  public static <R> R runOne(
      Job<R> job, Configuration hadoop, Supplier<SparkSession> session, Progress progress)
      throws IOException {
    job.check(hadoop);
    return job.run(job.needsSpark() ? session.get() : null, progress);
  }
}
