package org.lmforge.pipeline.job;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * The contract every command's work implements: the stages (clean, tokenize, pretrain, sweep, fit,
 * report) and the tools (generate, eval, doctor, show-docs, train-quality, tokenizer-stats,
 * extract-html, sample-warc). A job is built from its configuration record (bound from {@code
 * conf/<job>.conf} by the command line), {@linkplain #check checks its inputs} before any Spark
 * work (a {@link UserError} per mistake), knows whether its output is {@linkplain #complete
 * complete} (so a chain can skip it), and {@linkplain #run runs} on a session, reporting through
 * {@link Progress} and committing its output atomically (one completion marker, {@link
 * org.lmforge.pipeline.io.AtomicOutput#COMPLETE_MARKER}, on any Hadoop file system). Jobs run alone
 * or one after another in a {@link Chain}.
 *
 * @param <R> what the job returns to its caller (a summary record)
 */
public interface Job<R> {
  /** The stage's name, as on the command line ({@code clean}, {@code pretrain}, …). */
  String name();

  /** Validates inputs and settings; throws {@link UserError} naming what, where and the fix. */
  default void check(Configuration hadoop) throws IOException {}

  /**
   * True when the output is already there and complete (a chain keeps it unless told to overwrite).
   */
  default boolean complete(Configuration hadoop) throws IOException {
    return false;
  }

  /**
   * The same job told to replace its output, as {@code --overwrite} does: a chain redoes a complete
   * output with it when a job before it ran now, since that output was made from the old input.
   * Jobs whose output is a file they rewrite anyway (fit, report) need not override it.
   */
  default Job<R> replacingOutput() {
    return this;
  }

  /**
   * Where the job writes (for messages such as a chain's "kept" line); "" when it writes nothing of
   * its own.
   */
  default String output() {
    return "";
  }

  /**
   * What the output is made from (a record, written as JSON beside the output by a {@link Chain}),
   * so that a complete output made with other settings is redone rather than kept; null (the
   * default) for a job whose own completion rule covers its settings (the sweep's plan) or whose
   * output is a file it rewrites (fit, report).
   */
  default Object settings() {
    return null;
  }

  /** False for a job that runs on the driver alone: {@link #run} then takes a null session. */
  default boolean needsSpark() {
    return true;
  }

  R run(SparkSession spark, Progress progress) throws IOException;
}
