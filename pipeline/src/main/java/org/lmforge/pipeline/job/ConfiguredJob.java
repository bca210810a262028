package org.lmforge.pipeline.job;

import java.util.Objects;

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

  protected ConfiguredJob(String name, C cfg) {
    this.name = name;
    this.cfg = Objects.requireNonNull(cfg, "cfg");
  }

  @Override
  public final String name() {
    return name;
  }

  /** The configuration the job runs with. */
  public C config() {
    return cfg;
  }
}
