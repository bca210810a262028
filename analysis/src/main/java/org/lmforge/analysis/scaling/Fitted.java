package org.lmforge.analysis.scaling;

/**
 * A fit that the data may not support: either a value, or the reason it was not attempted (for
 * example "fewer than 3 distinct model sizes"). Reports print the reason instead of a nonsense
 * curve.
 */
public record Fitted<T>(T value, String reason) {

  public static <T> Fitted<T> of(T value) {
    return new Fitted<>(value, null);
  }

  public static <T> Fitted<T> unavailable(String reason) {
    return new Fitted<>(null, reason);
  }

  public boolean available() {
    return value != null;
  }
}
