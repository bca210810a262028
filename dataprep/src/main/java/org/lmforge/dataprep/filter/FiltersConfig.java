package org.lmforge.dataprep.filter;

import java.io.Serializable;
import java.util.List;
import org.lmforge.config.Defaults;
import org.lmforge.config.Records;
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

  /** The shipped defaults: {@code filters} of conf/filters.conf. */
  public static FiltersConfig defaults() {
    return Defaults.of("filters", "filters", FiltersConfig.class);
  }

  public FiltersConfig withEnabled(List<String> names) {
    return Records.with(this, "enabled", names);
  }
}
