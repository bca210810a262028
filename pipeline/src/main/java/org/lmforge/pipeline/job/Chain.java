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
 * half-way continues where it stopped, unless it was made with other settings ({@link
 * RecordedSettings}, which the chain writes beside each output it makes); once a job has run, a
 * later complete output is redone and a later unfinished one started over (each was made from the
 * old input), with {@link Job#replacingOutput}.
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
      List<String> changed = complete ? RecordedSettings.changed(job, hadoop) : List.of();
      if (complete && changed.isEmpty() && ranNow == null) {
        progress.line(
            job.name() + ": " + job.output() + " is complete, kept (--overwrite redoes it)");
        continue;
      }
      // a partial output (a killed sweep) made before a job that ran now would resume its runs on
      // the new input
      boolean stale =
          !complete && keepComplete && ranNow != null && isDirectory(job.output(), hadoop);
      if (!complete && !stale) {
        runOne(job, hadoop, session, progress); // a partial output of its own resumes as it can
      } else {
        // kept, it would pair an output of the old settings or the old input with the new ones of
        // the jobs after it (new tokens with an old sweep, say), so it is redone, as make does
        if (complete) {
          progress.line(
              job.name()
                  + ": "
                  + job.output()
                  + " is complete but "
                  + why(changed, ranNow)
                  + ": redone");
        } else {
          progress.line(
              job.name()
                  + ": "
                  + job.output()
                  + " is unfinished and older than the output of "
                  + ranNow
                  + ", which ran now: started over");
        }
        runOne(job.replacingOutput(), hadoop, session, progress);
      }
      RecordedSettings.write(job, hadoop);
      if (ranNow == null) ranNow = job.name();
    }
  }

  private static boolean isDirectory(String output, Configuration hadoop) throws IOException {
    if (output.isEmpty()) return false;
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(output);
    return p.getFileSystem(hadoop).isDirectory(p);
  }

  private static String why(List<String> changed, String ranNow) {
    if (changed.isEmpty()) return "older than the output of " + ranNow + ", which ran now";
    return "was made with other settings ("
        + String.join(", ", changed.subList(0, Math.min(3, changed.size())))
        + (changed.size() > 3 ? ", … " + changed.size() + " in all" : "")
        + ")";
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
