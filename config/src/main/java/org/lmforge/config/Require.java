package org.lmforge.config;

/**
 * The range checks of the configuration records, one message form for all: {@code NAME = VALUE:
 * must be >= MIN}. A record's constructor calls them; {@link ConfigBinder} reports what they throw
 * as {@code invalid configuration 'SECTION': …}, exit 2.
 */
public final class Require {
  private Require() {}

  public static void atLeast(String name, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " = " + value + ": must be >= " + min);
    }
  }

  /** {@code lo <= value <= hi}. */
  public static void between(String name, long value, long lo, long hi) {
    if (value < lo || value > hi) {
      throw new IllegalArgumentException(name + " = " + value + ": must be in " + lo + ".." + hi);
    }
  }

  /** {@code lo <= value <= hi}; NaN is refused. */
  public static void within(String name, double value, double lo, double hi) {
    if (!(value >= lo && value <= hi)) {
      throw new IllegalArgumentException(
          name + " = " + value + ": must be in [" + lo + ", " + hi + "]");
    }
  }
}
