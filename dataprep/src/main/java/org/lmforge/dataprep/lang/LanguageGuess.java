package org.lmforge.dataprep.lang;

/**
 * A language as an ISO 639-1 code ("unknown" when none is reliable) and a confidence in 0..1:
 * Lingua's margin of the best language over the runner-up (1 minus the runner-up's relative
 * confidence).
 */
public record LanguageGuess(String code, double confidence) {
  public static final String UNKNOWN = "unknown";
}
