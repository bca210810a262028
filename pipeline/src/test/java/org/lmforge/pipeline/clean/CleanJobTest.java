package org.lmforge.pipeline.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.dataprep.dedup.DedupConfig;
import org.lmforge.dataprep.filter.FiltersConfig;
import org.lmforge.dataprep.ingest.IngestConfig;
import org.lmforge.pipeline.io.AtomicOutput;
import org.lmforge.pipeline.job.RecordedSettings;

/** When a chain (all) may keep the clean output instead of running the clean job. */
class CleanJobTest {
  @TempDir Path tmp;

  /**
   * Another job's complete output at clean.output (a pretrain run: the marker, no stats.json) is
   * not a complete clean, so `all` does not feed it to tokenize as one.
   */
  @Test
  void aCompleteCleanHasItsMarkerAndItsStats() throws IOException {
    Files.createFile(tmp.resolve(AtomicOutput.COMPLETE_MARKER));
    Files.writeString(tmp.resolve("summary.json"), "{}");
    CleanJob job = new CleanJob(config(List.of()), 1);
    assertFalse(job.complete(new Configuration()), "a pretrain run is not a clean output");
    Files.writeString(tmp.resolve(CleanOutput.STATS), "{\"documentsOut\": 0}");
    assertTrue(job.complete(new Configuration()));
  }

  /**
   * The settings a clean output is recorded with are named by their keys under clean (as in
   * conf/clean.conf), with the sample's page count only while the sample is the input; whether to
   * overwrite is not one of them.
   */
  @Test
  void theSettingsRecordedAreTheKeysOfConfClean() throws IOException {
    Configuration hadoop = new Configuration();
    CleanConfig sample = config(List.of());
    RecordedSettings.write(new CleanJob(sample, 50), hadoop);
    assertEquals(List.of(), changed(new CleanJob(sample, 50)));
    assertEquals(
        List.of(), changed(new CleanJob(sample, 50).replacingOutput()), "overwrite is no setting");
    assertEquals(List.of("clean.sample.pages"), changed(new CleanJob(sample, 60)));
    CleanConfig crawl = config(List.of("/crawl/a.warc.gz"));
    assertEquals(List.of("clean.inputs", "clean.sample.pages"), changed(new CleanJob(crawl, 50)));
    CleanConfig stricter =
        org.lmforge.config.Records.with(
            sample,
            "filters",
            org.lmforge.config.Records.with(
                FiltersConfig.defaults(),
                "c4",
                org.lmforge.config.Records.with(
                    FiltersConfig.defaults().c4(), "minWordsPerLine", 5)));
    assertEquals(List.of("clean.filters.c4.minWordsPerLine"), changed(new CleanJob(stricter, 50)));
  }

  private List<String> changed(CleanJob job) throws IOException {
    return RecordedSettings.changed(job, new Configuration());
  }

  private CleanConfig config(List<String> inputs) {
    return new CleanConfig(
        inputs,
        tmp.toString(),
        false,
        false,
        IngestConfig.defaults(),
        FiltersConfig.defaults(),
        DedupConfig.defaults());
  }
}
