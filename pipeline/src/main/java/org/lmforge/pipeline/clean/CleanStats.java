package org.lmforge.pipeline.clean;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.lmforge.pipeline.filter.FilterStats;
import org.lmforge.pipeline.io.Json;

/**
 * stats.json of a clean run. Every count is an aggregation over the run's rows (exact under task
 * retries).
 *
 * @param recordsByType WARC records read, by WARC-Type
 * @param skippedByReason well-formed records without page text (request, revisit, non-200,
 *     non-HTML)
 * @param quarantinedByReason records that could not be processed; their locations are in
 *     quarantine/
 * @param warningsByReason pages kept after a repair (e.g. a wrong declared charset)
 * @param pagesExtracted pages that reached extraction and language ID
 * @param ingestDropsByReason pages dropped by ingest rules (no text, language)
 * @param dropTable every drop of the run: stage, reason, documents
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CleanStats(
    String output,
    String startedAt,
    double wallSeconds,
    int inputFiles,
    long inputBytes,
    long records,
    Map<String, Long> recordsByType,
    Map<String, Long> skippedByReason,
    Map<String, Long> quarantinedByReason,
    Map<String, Long> warningsByReason,
    long pagesExtracted,
    Map<String, Long> ingestDropsByReason,
    FilterStats filters,
    Map<String, Long> dedup,
    long documentsOut,
    long textCharsOut,
    long textBytesOut,
    Map<String, Long> documentsByLanguage,
    List<DropRow> dropTable) {

  /** One line of the drop table. */
  public record DropRow(String stage, String reason, long documents) {}

  /**
   * Why the run kept no document, in one sentence for the console; null when it kept some. Zero
   * documents is a valid result (the output is written); this says whether the input was the
   * problem or the filters.
   */
  @JsonIgnore
  public String whyNothingKept() {
    if (documentsOut > 0) {
      return null;
    }
    long quarantined = quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
    if (inputFiles == 0) {
      return "no input file to read: " + quarantinedByReason;
    }
    if (pagesExtracted == 0 && quarantined == records) {
      return "no input held a readable crawl record ("
          + inputFiles
          + (inputFiles == 1 ? " file" : " files")
          + "), every one was quarantined: "
          + quarantinedByReason;
    }
    if (pagesExtracted == 0) {
      return "no record was an HTML or text page: skipped "
          + skippedByReason
          + (quarantined > 0 ? ", quarantined " + quarantinedByReason : "");
    }
    StringBuilder top = new StringBuilder();
    for (int i = 0; i < Math.min(3, dropTable.size()); i++) {
      DropRow d = dropTable.get(i);
      top.append(i == 0 ? "" : ", ").append(d.reason()).append('=').append(d.documents());
    }
    return "all "
        + pagesExtracted
        + " pages were dropped ("
        + top
        + (dropTable.size() > 3 ? ", …" : "")
        + "; the drop table has every reason)";
  }

  public String toJson() {
    try {
      return Json.PRETTY.writeValueAsString(this);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
