package org.lmforge.pipeline.clean;

import java.io.Serializable;
import java.util.List;
import org.lmforge.config.Records;
import org.lmforge.dataprep.dedup.DedupConfig;
import org.lmforge.dataprep.filter.FiltersConfig;
import org.lmforge.dataprep.ingest.IngestConfig;

/**
 * The clean job's settings (conf/clean.conf; every key can be overridden with --conf
 * clean.KEY=VALUE).
 *
 * @param inputs crawl files, directories or globs on any Hadoop FileSystem
 * @param output output directory (docs/, quarantine/, rejected/, dedup-clusters/, stats.json)
 * @param overwrite replace an existing output instead of failing
 * @param keepDropped also write dropped documents, with their reason, to rejected/
 * @param ingest decoding, extraction and language rules
 * @param filters quality and safety filters (dataprep's filter package)
 * @param dedup deduplication levels
 */
public record CleanConfig(
    List<String> inputs,
    String output,
    boolean overwrite,
    boolean keepDropped,
    IngestConfig ingest,
    FiltersConfig filters,
    DedupConfig dedup)
    implements Serializable {

  public CleanConfig withInputs(List<String> in) {
    return Records.with(this, "inputs", in);
  }
}
