package org.lmforge.dataprep.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * Settings of the page stage of the clean job.
 *
 * @param maxPageBytes larger payloads are quarantined as page.too_large (bounded memory per task)
 * @param minTextChars pages whose main text is shorter are dropped as extract.no_text
 * @param languages ISO 639-1 codes to keep; empty keeps every language
 * @param minLanguageScore pages whose language confidence is lower are dropped
 * @param languageLowAccuracy Lingua's fast trigram-only mode
 * @param languageSampleChars characters of text given to language ID
 */
public record IngestConfig(
    int maxPageBytes,
    int minTextChars,
    List<String> languages,
    double minLanguageScore,
    boolean languageLowAccuracy,
    int languageSampleChars)
    implements Serializable {

  public static IngestConfig defaults() {
    return new IngestConfig(8 << 20, 1, List.of(), 0.0, true, 300);
  }
}
