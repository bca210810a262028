package org.lmforge.dataprep.filter;

import java.io.Serializable;
import java.util.List;
import org.lmforge.dataprep.filter.consent.OptOutConfig;
import org.lmforge.dataprep.filter.pii.PiiConfig;
import org.lmforge.dataprep.filter.quality.C4Config;
import org.lmforge.dataprep.filter.quality.FineWebConfig;
import org.lmforge.dataprep.filter.quality.GopherQualityConfig;
import org.lmforge.dataprep.filter.quality.GopherRepetitionConfig;
import org.lmforge.dataprep.filter.quality.QualityClassifierConfig;
import org.lmforge.dataprep.filter.safety.BadWordsConfig;
import org.lmforge.dataprep.filter.safety.UrlBlocklistConfig;

/**
 * All filter settings: which filters run, in what order ({@code enabled}, names from {@link
 * Filters#ALL}), and one record per family. Mirrors the {@code filters { ... }} block of {@code
 * conf/filters.conf}.
 */
public record FiltersConfig(
    List<String> enabled,
    GopherQualityConfig gopherQuality,
    GopherRepetitionConfig gopherRepetition,
    C4Config c4,
    FineWebConfig fineweb,
    BadWordsConfig lexicalSafety,
    UrlBlocklistConfig urlBlocklist,
    OptOutConfig optOut,
    QualityClassifierConfig qualityClassifier,
    PiiConfig pii)
    implements Serializable {

  /**
   * FineWeb's order (Penedo et al. 2024, datatrove examples/fineweb.py): the URL filter first
   * (bundled datatrove word lists), consent, the lexical safety signal (bundled LDNOOBW lists),
   * then Gopher repetition, Gopher quality, C4, FineWeb; PII last so the rules judge the original
   * text. Only the quality classifier needs a user file (a trained model), so it is off until
   * configured.
   */
  public static final List<String> DEFAULT_ENABLED =
      List.of(
          "url_blocklist",
          "opt_out",
          "lexical_safety",
          "gopher_repetition",
          "gopher_quality",
          "c4",
          "fineweb",
          "pii");

  public static FiltersConfig defaults() {
    return new FiltersConfig(
        DEFAULT_ENABLED,
        GopherQualityConfig.defaults(),
        GopherRepetitionConfig.defaults(),
        C4Config.defaults(),
        FineWebConfig.defaults(),
        BadWordsConfig.defaults(),
        UrlBlocklistConfig.defaults(),
        OptOutConfig.defaults(),
        QualityClassifierConfig.defaults(),
        PiiConfig.defaults());
  }

  public FiltersConfig withEnabled(List<String> names) {
    return new FiltersConfig(
        names,
        gopherQuality,
        gopherRepetition,
        c4,
        fineweb,
        lexicalSafety,
        urlBlocklist,
        optOut,
        qualityClassifier,
        pii);
  }
}
