package org.lmforge.dataprep.ingest;

import java.io.Serializable;
import java.util.List;
import org.lmforge.config.Defaults;
import org.lmforge.config.Require;
import org.lmforge.dataprep.extract.ExtractorConfig;
import org.lmforge.dataprep.lang.LanguageIdentifier;

/**
 * Settings of the page stage of the clean job.
 *
 * @param maxPageBytes larger payloads are quarantined as page.too_large (bounded memory per task)
 * @param minTextChars pages whose main text is shorter are dropped as extract.no_text
 * @param languages ISO 639-1 codes to keep; empty keeps every language
 * @param minLanguageScore pages whose language confidence is lower are dropped
 * @param languageLowAccuracy Lingua's fast trigram-only mode
 * @param languageSampleChars characters of text given to language ID
 * @param extract the main-text extractor's limits
 * @param spreadRecords with fewer crawl files than Spark task slots, spread the records over every
 *     slot before decoding and extraction (a shuffle of the raw pages); false keeps each file's
 *     records in the task that reads it
 */
public record IngestConfig(
    int maxPageBytes,
    int minTextChars,
    List<String> languages,
    double minLanguageScore,
    boolean languageLowAccuracy,
    int languageSampleChars,
    ExtractorConfig extract,
    boolean spreadRecords)
    implements Serializable {

  public IngestConfig {
    Require.atLeast("maxPageBytes", maxPageBytes, 1);
    Require.atLeast("minTextChars", minTextChars, 0);
    // a code language ID never gives ("english", "EN" before lower-casing) dropped every page as
    // language.not_allowed
    languages = LanguageIdentifier.checkedCodes(languages == null ? List.of() : languages);
    Require.within("minLanguageScore", minLanguageScore, 0, 1);
    Require.atLeast("languageSampleChars", languageSampleChars, 1);
  }

  /** The shipped defaults: {@code clean.ingest} of conf/clean.conf. */
  public static IngestConfig defaults() {
    return Defaults.of("clean", "clean.ingest", IngestConfig.class);
  }
}
