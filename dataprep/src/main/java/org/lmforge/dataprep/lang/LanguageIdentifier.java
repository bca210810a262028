package org.lmforge.dataprep.lang;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Language ID with Lingua (pemistahl/lingua): n-gram models for 75 languages, good on short and
 * mixed text. Low-accuracy mode (trigrams only) is the default: an order of magnitude faster and
 * still accurate on page-length text, which is what crawl volumes need. Only the first {@code
 * maxChars} characters are looked at (the cost is linear in them: ~3.5 ms of CPU for 300 characters
 * against 75 languages). The detector is heavy (models take hundreds of MB), so one is built per
 * JVM and configuration and shared by all tasks; Lingua's detector is thread-safe.
 */
public final class LanguageIdentifier implements Serializable {
  private static final Map<String, LanguageDetector> DETECTORS = new ConcurrentHashMap<>();

  private final List<String> languages;
  private final boolean lowAccuracy;
  private final int maxChars;

  /**
   * @param languages ISO 639-1 codes to choose among; empty means all of Lingua's languages
   * @param lowAccuracy trigram-only mode (fast)
   * @param maxChars characters of the text that are looked at
   */
  public LanguageIdentifier(List<String> languages, boolean lowAccuracy, int maxChars) {
    this.languages = List.copyOf(languages);
    this.lowAccuracy = lowAccuracy;
    this.maxChars = maxChars;
    toLanguages(languages); // fail fast on a bad code, naming it
  }

  public LanguageGuess identify(String text) {
    if (text == null || text.isBlank()) {
      return new LanguageGuess(LanguageGuess.UNKNOWN, 0.0);
    }
    String sample = text.length() > maxChars ? text.substring(0, maxChars) : text;
    SortedMap<Language, Double> values = detector().computeLanguageConfidenceValues(sample);
    if (values.isEmpty()) {
      return new LanguageGuess(LanguageGuess.UNKNOWN, 0.0);
    }
    Language best = values.firstKey();
    if (best == Language.UNKNOWN) {
      return new LanguageGuess(LanguageGuess.UNKNOWN, 0.0);
    }
    // Lingua 1.2 gives relative values: 1.0 for the best language, less for the others. The
    // confidence is
    // the margin over the runner-up: 0 when two languages fit equally, towards 1 when only one
    // fits.
    double second = 0.0;
    java.util.Iterator<Double> it = values.values().iterator();
    it.next();
    if (it.hasNext()) {
      second = it.next();
    }
    double confidence = Math.max(0.0, Math.min(1.0, 1.0 - second));
    return new LanguageGuess(
        best.getIsoCode639_1().toString().toLowerCase(Locale.ROOT), confidence);
  }

  private LanguageDetector detector() {
    String key = languages + "|" + lowAccuracy;
    return DETECTORS.computeIfAbsent(
        key,
        k -> {
          LanguageDetectorBuilder b =
              languages.isEmpty()
                  ? LanguageDetectorBuilder.fromAllLanguages()
                  : LanguageDetectorBuilder.fromLanguages(
                      toLanguages(languages).toArray(new Language[0]));
          if (lowAccuracy) {
            b = b.withLowAccuracyMode();
          }
          return b.build();
        });
  }

  /**
   * {@code codes} in lower case, each an ISO 639-1 code Lingua detects; an IllegalArgumentException
   * names the first that is not ("english", "xx").
   */
  public static List<String> checkedCodes(List<String> codes) {
    toLanguages(codes);
    return codes.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
  }

  static Set<Language> toLanguages(List<String> codes) {
    Set<Language> out = EnumSet.noneOf(Language.class);
    for (String code : codes) {
      IsoCode639_1 iso;
      try {
        iso = IsoCode639_1.valueOf(code.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown language code '"
                + code
                + "': use ISO 639-1 codes that Lingua supports, e.g. en, de, fr, zh");
      }
      Language lang = Language.getByIsoCode639_1(iso);
      out.add(lang);
    }
    return out;
  }
}
