package org.lmforge.dataprep.lang;

/** A language as an ISO 639-1 code ("unknown" when none is reliable) and Lingua's confidence in it, 0..1. */
public record LanguageGuess(String code, double confidence) {
  public static final String UNKNOWN = "unknown";
}
