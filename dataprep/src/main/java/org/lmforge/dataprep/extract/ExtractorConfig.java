package org.lmforge.dataprep.extract;

import java.io.Serializable;
import org.lmforge.config.Defaults;
import org.lmforge.config.Require;

/**
 * Thresholds of {@link MainTextExtractor}.
 *
 * @param maxInputChars HTML beyond this many chars is cut off before parsing, so that one huge
 *     record cannot stall a Spark task (Common Crawl truncates records at 1 MiB anyway).
 * @param minExtractedChars below this the main-content result counts as "too short" and the wider
 *     fallbacks are tried; 250 is trafilatura's MIN_EXTRACTED_SIZE.
 */
public record ExtractorConfig(int maxInputChars, int minExtractedChars) implements Serializable {
  /** The shipped defaults: {@code clean.ingest.extract} of conf/clean.conf. */
  public static ExtractorConfig defaults() {
    return Defaults.of("clean", "clean.ingest.extract", ExtractorConfig.class);
  }

  public ExtractorConfig {
    Require.atLeast("maxInputChars", maxInputChars, 1);
    Require.atLeast("minExtractedChars", minExtractedChars, 0);
  }
}
