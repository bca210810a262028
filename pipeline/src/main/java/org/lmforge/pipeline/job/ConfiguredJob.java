package org.lmforge.pipeline.job;

import java.util.Objects;
import java.util.function.Function;

/**
 * A job built from one configuration record, as most stages are: it keeps the stage's name and the
 * record once here, so a job class holds only its checks, its completion rule and its run.
 *
 * @param <C> the configuration record (bound from {@code conf/<job>.conf})
 * @param <R> what the job returns
 */
public abstract class ConfiguredJob<C, R> implements Job<R> {
  private final String name;
  protected final C cfg;
  private final Function<C, Object> output;

  /** A job that writes no output of its own (e.g. it prints). */
  protected ConfiguredJob(String name, C cfg) {
    this(name, cfg, c -> "");
  }

  /**
   * @param output where the record says the job writes (a path or URI; {@link #output()} is its
   *     string)
   */
  protected ConfiguredJob(String name, C cfg, Function<C, Object> output) {
    this.name = name;
    this.cfg = Objects.requireNonNull(cfg, "cfg");
    this.output = output;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public String output() {
    return output.apply(cfg).toString();
  }

  /** The configuration the job runs with. */
  public C config() {
    return cfg;
  }
}
