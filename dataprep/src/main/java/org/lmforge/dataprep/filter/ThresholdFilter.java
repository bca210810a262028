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

  // A negative threshold turns its rule off (the configs' -1); a NaN value (a rule skipped for the
  // document) never breaks one.

  /** True when {@code value > max} and the rule is on. */
  protected static boolean above(double value, double max) {
    return max >= 0 && value > max;
  }

  /** True when {@code value >= max} and the rule is on. */
  protected static boolean atLeast(double value, double max) {
    return max >= 0 && value >= max;
  }

  /** True when {@code value < min} and the rule is on. */
  protected static boolean below(double value, double min) {
    return min >= 0 && value < min;
  }

  /** True when {@code value <= min} and the rule is on. */
  protected static boolean atMost(double value, double min) {
    return min >= 0 && value <= min;
  }
}
