package org.lmforge.dataprep.filter;

import java.io.Serializable;

/**
 * A rule family whose {@link #judge} compares the measurements with the thresholds of its config
 * record (Gopher, C4, FineWeb, lexical safety), so the family class holds only its measurements and
 * rules.
 *
 * @param <S> what the family measures on one document
 * @param <C> the family's config record (e.g. {@code GopherQualityConfig})
 */
public abstract class ThresholdFilter<S, C extends Serializable> extends BaseFilter<S> {
  private static final long serialVersionUID = 1L;

  /** The family's settings: its thresholds and which rules run. */
  protected final C cfg;

  protected ThresholdFilter(String name, C cfg) {
    super(name);
    this.cfg = cfg;
  }
}
