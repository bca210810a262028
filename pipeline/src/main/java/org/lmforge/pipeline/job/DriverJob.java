package org.lmforge.pipeline.job;

import java.util.function.Function;

/**
 * A job that runs on the driver alone, never on a Spark session: {@link #run} takes a null one, and
 * {@code Launch} starts none for it. The fits, the report, generate and the small tools
 * (tokenizer-stats, extract-html, sample-warc) are such jobs.
 *
 * @param <C> the configuration record
 * @param <R> what the job returns
 */
public abstract class DriverJob<C, R> extends ConfiguredJob<C, R> {
  /** A job that writes no output of its own (e.g. it prints). */
  protected DriverJob(String name, C cfg) {
    super(name, cfg);
  }

  /** A job that writes where {@code output} says. */
  protected DriverJob(String name, C cfg, Function<C, Object> output) {
    super(name, cfg, output);
  }

  @Override
  public final boolean needsSpark() {
    return false;
  }
}
