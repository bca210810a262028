package org.lmforge.pipeline.clean;

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
    CleanConfig cfg =
        new CleanConfig(
            List.of(),
            tmp.toString(),
            false,
            false,
            IngestConfig.defaults(),
            FiltersConfig.defaults(),
            DedupConfig.defaults());
    CleanJob job = new CleanJob(cfg, 1);
    assertFalse(job.complete(new Configuration()), "a pretrain run is not a clean output");
    Files.writeString(tmp.resolve(CleanOutput.STATS), "{\"documentsOut\": 0}");
    assertTrue(job.complete(new Configuration()));
  }
}
