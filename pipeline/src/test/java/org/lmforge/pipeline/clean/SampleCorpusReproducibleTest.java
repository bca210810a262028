package org.lmforge.pipeline.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.dataprep.dedup.DedupConfig;
import org.lmforge.dataprep.filter.FiltersConfig;
import org.lmforge.dataprep.ingest.IngestConfig;
import org.lmforge.dataprep.sample.SampleWarcWriter;
import org.lmforge.pipeline.Sessions;

/**
 * The embedded default input, written twice (two runs of the first command), gives the same corpus: the
 * same document ids, texts, languages, offsets and drop reasons, so the tokenizer's split (a hash of the id)
 * and everything after it repeat too. Only {@code source_file}, the path the sample was written to, differs.
 */
class SampleCorpusReproducibleTest {
  private static final int PAGES = 60;

  static SparkSession spark;
  @TempDir static Path tmp;

  @BeforeAll
  static void start() {
    spark = Sessions.localForTests("sample-repro-test");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void twoWritesOfTheSampleGiveTheSameRows() throws Exception {
    CleanStage.Result a = cleanFreshSample("a");
    CleanStage.Result b = cleanFreshSample("b");
    List<String> rowsA = rows(a.output());
    assertTrue(a.stats().documentsOut() > PAGES / 2, "most sample pages are kept: " + a.stats().documentsOut());
    assertTrue(rowsA.size() > a.stats().documentsOut(), "dropped rows are compared too");
    assertEquals(rowsA, rows(b.output()));
    assertEquals(a.stats().dropTable(), b.stats().dropTable());
    assertEquals(a.stats().documentsByLanguage(), b.stats().documentsByLanguage());
  }

  private static CleanStage.Result cleanFreshSample(String run) throws Exception {
    Path warc = tmp.resolve(run).resolve(SampleWarcWriter.fileName(PAGES));
    SampleWarcWriter.write(warc, PAGES, 42);
    return CleanStage.run(spark, new CleanConfig(List.of(warc.toString()), tmp.resolve("out-" + run).toString(),
        false, true, IngestConfig.defaults(), FiltersConfig.defaults(), DedupConfig.defaults()));
  }

  /** Kept and dropped rows, every column but source_file, as sorted JSON lines. */
  private static List<String> rows(String out) {
    Dataset<Row> kept = spark.read().parquet(out + "/docs");
    Dataset<Row> dropped = spark.read().parquet(out + "/rejected");
    return json(kept).unionAll(json(dropped)).collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
  }

  private static Dataset<Row> json(Dataset<Row> d) {
    Column[] cols = Arrays.stream(d.columns()).filter(c -> !c.equals(CleanSchema.SOURCE_FILE)).sorted()
        .map(functions::col).toArray(Column[]::new);
    return d.select(functions.to_json(functions.struct(cols)));
  }
}
