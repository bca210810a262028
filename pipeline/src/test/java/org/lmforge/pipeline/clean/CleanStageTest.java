package org.lmforge.pipeline.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.config.Records;
import org.lmforge.dataprep.SharedData;
import org.lmforge.dataprep.dedup.DedupConfig;
import org.lmforge.dataprep.filter.FiltersConfig;
import org.lmforge.dataprep.ingest.IngestConfig;
import org.lmforge.dataprep.warc.CrawlFileReader;
import org.lmforge.dataprep.warc.CrawlSource;
import org.lmforge.pipeline.TestSessions;
import org.lmforge.pipeline.io.InputFiles;
import org.lmforge.pipeline.job.UserError;

/**
 * The clean job on a real local Spark session, real crawl files and the bad inputs it must survive.
 */
class CleanStageTest {
  static SparkSession spark;
  @TempDir static Path tmp;
  static Path input;
  static CleanStage.Result result;

  @BeforeAll
  static void run() throws Exception {
    spark = TestSessions.local("clean-test");
    input = Files.createDirectories(tmp.resolve("in"));
    EdgeCaseWarcs.write(input);
    List<String> inputs = new ArrayList<>(List.of(input.toString()));
    Path shared = SharedData.path("crawl-samples");
    if (Files.isDirectory(shared)) {
      // real Common Crawl, WET, truncated gzip, corrupt deflate, an ARC file, a truncated record
      for (String f :
          List.of(
              "commoncrawl/CC-MAIN-2020-34-sample.warc.gz",
              "commoncrawl/whirlwind.warc.wet.gz",
              "malformed/clipped.warc.gz",
              "malformed/double-single-inflate-error.gz",
              "malformed/example-trunc.warc",
              "arc/example.arc",
              "other-real/clueweb-quirk.warc.gz")) {
        inputs.add(shared.resolve(f).toString());
      }
    }
    result = CleanStage.run(spark, config(inputs, tmp.resolve("out").toString(), false));
  }

  static CleanConfig config(List<String> inputs, String out, boolean overwrite) {
    return new CleanConfig(
        inputs,
        out,
        overwrite,
        true,
        IngestConfig.defaults(),
        FiltersConfig.defaults(),
        DedupConfig.defaults());
  }

  /**
   * One crawl file on the two task slots of local[2]: its records are spread over both before
   * extraction (one task per file would leave a core idle), and each record still gives one item.
   */
  @Test
  void theRecordsOfOneFileAreExtractedOnEveryTaskSlot() throws Exception {
    Path file = input.resolve("edge-cases.warc.gz");
    List<InputFiles.InputFile> one =
        InputFiles.expand(
            List.of(file.toString()), spark.sparkContext().hadoopConfiguration(), "clean.inputs");
    Dataset<Row> items = IngestStage.items(spark, one, IngestConfig.defaults());
    List<Integer> perTask = items.javaRDD().glom().map(List::size).collect();
    assertEquals(2, perTask.size(), "one task per slot");
    assertTrue(perTask.stream().allMatch(n -> n > 0), "rows per task: " + perTask);
    int records =
        CrawlFileReader.readAll(CrawlSource.of(file), IngestConfig.defaults().maxPageBytes())
            .size();
    assertEquals(records, perTask.stream().mapToInt(Integer::intValue).sum());

    IngestConfig kept = Records.with(IngestConfig.defaults(), "spreadRecords", false);
    assertEquals(1, IngestStage.items(spark, one, kept).javaRDD().getNumPartitions(), "not spread");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void badInputIsCountedAndQuarantinedWithItsLocation() {
    CleanStats s = result.stats();
    assertEquals(1L, s.quarantinedByReason().get("file.empty"));
    assertEquals(1L, s.quarantinedByReason().get("page.too_large"));
    assertEquals(1L, s.quarantinedByReason().get("page.binary_body"));
    assertEquals(1L, s.warningsByReason().get("page.charset_wrong"));
    List<Row> q = spark.read().parquet(result.output() + "/quarantine").collectAsList();
    long total = s.quarantinedByReason().values().stream().mapToLong(Long::longValue).sum();
    assertEquals(total, q.size());
    for (Row r : q) {
      assertFalse(r.getString(0).isEmpty(), "file named");
      assertTrue(r.getLong(1) >= 0, "offset recorded");
    }
    Set<String> reasons = q.stream().map(r -> r.getString(2)).collect(Collectors.toSet());
    assertTrue(
        reasons.containsAll(Set.of("file.empty", "page.too_large", "page.binary_body")),
        reasons.toString());
    if (s.inputFiles() > 2) {
      assertTrue(reasons.contains("warc.truncated"), reasons.toString());
      assertTrue(reasons.contains("file.not_warc"), reasons.toString());
    }
  }

  @Test
  void goodPagesAroundBadOnesAreKept() {
    Set<String> urls =
        spark.read().parquet(result.output() + "/docs").select("url").collectAsList().stream()
            .map(r -> r.getString(0))
            .collect(Collectors.toSet());
    assertTrue(
        urls.containsAll(
            Set.of(
                "https://a.example/good-1",
                "https://a.example/good-2",
                "https://a.example/good-3")),
        urls.toString());
    // The deep page and the repaired one are short, so quality filters may drop them: look at all
    // pages.
    Set<String> all =
        allPages().select("url").collectAsList().stream()
            .map(r -> r.getString(0))
            .collect(Collectors.toSet());
    assertTrue(
        all.containsAll(Set.of("https://a.example/deep", "https://a.example/latin1")),
        all.toString());
    Row latin = allPages().filter("url = 'https://a.example/latin1'").first();
    assertTrue(
        latin.<String>getAs("text").contains("caf\u00e9 cr\u00e8me"),
        "repaired charset decodes the accents");
    assertEquals("windows-1252", latin.<String>getAs("charset_detected"));
    assertEquals(200, latin.<Integer>getAs("http_status"));
    assertEquals("en", latin.<String>getAs("language"));
  }

  @Test
  void realCrawlRecordsAreExtracted() {
    CleanStats s = result.stats();
    org.junit.jupiter.api.Assumptions.assumeTrue(s.inputFiles() > 2, "crawl-samples not present");
    assertTrue(s.recordsByType().get("request") > 0, "request records counted");
    assertTrue(s.skippedByReason().get("warc.not_a_capture") > 0);
    List<Row> wet = allPages().filter("content_type = 'text/plain'").collectAsList();
    assertEquals(1, wet.size(), "the WET conversion record of an.wikipedia.org");
    assertTrue(wet.get(0).<String>getAs("text").contains("Escopete"), "WET text is taken as it is");
    assertEquals(0, wet.get(0).<Integer>getAs("http_status"), "no HTTP envelope in WET");
  }

  /** Kept and dropped pages (the test runs with keepDropped). */
  private static org.apache.spark.sql.Dataset<Row> allPages() {
    org.apache.spark.sql.Dataset<Row> kept =
        spark
            .read()
            .parquet(result.output() + "/docs")
            .select("url", "text", "language", "charset_detected", "content_type", "http_status");
    return kept.unionByName(
        spark
            .read()
            .parquet(result.output() + "/rejected")
            .select("url", "text", "language", "charset_detected", "content_type", "http_status"));
  }

  @Test
  void anotherReaderReadsTheParquet() throws Exception {
    long n = result.stats().documentsOut();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*), count(DISTINCT id), min(text_length) FROM read_parquet('"
                    + result.output().replace("file:", "")
                    + "/docs/*/*.parquet', hive_partitioning = true)")) {
      assertTrue(rs.next());
      assertEquals(n, rs.getLong(1));
      assertEquals(n, rs.getLong(2));
      assertTrue(rs.getLong(3) > 0);
    }
  }

  @Test
  void statsAddUp() {
    CleanStats s = result.stats();
    long rows =
        s.skippedByReason().values().stream().mapToLong(Long::longValue).sum()
            + s.quarantinedByReason().values().stream().mapToLong(Long::longValue).sum()
            + s.pagesExtracted();
    assertEquals(s.records(), rows);
    long dropped = s.dropTable().stream().mapToLong(CleanStats.DropRow::documents).sum();
    assertEquals(s.pagesExtracted(), s.documentsOut() + dropped);
    assertTrue(Files.exists(Path.of(result.output().replace("file:", ""), "_COMPLETE")));
  }

  @Test
  void rerunGivesTheSameRowsAndRefusesToOverwrite() throws Exception {
    String out = result.output();
    UserError e =
        assertThrows(
            UserError.class,
            () -> CleanStage.run(spark, config(List.of(input.toString()), out, false)));
    assertTrue(e.getMessage().contains("overwrite"), e.getMessage());

    String out2 = tmp.resolve("out-edge-1").toString();
    String out3 = tmp.resolve("out-edge-2").toString();
    Files.createDirectories(tmp.resolve("out-edge-2.staging-deadbeef")); // left by a killed run
    CleanStage.run(spark, config(List.of(input.toString()), out2, false));
    CleanStage.run(spark, config(List.of(input.toString()), out3, false));
    assertFalse(Files.exists(tmp.resolve("out-edge-2.staging-deadbeef")), "stale staging removed");
    assertEquals(rows(out2), rows(out3));
  }

  private static List<String> rows(String out) {
    return spark
        .read()
        .parquet(out + "/docs")
        .selectExpr("concat(id, '|', url, '|', language, '|', text)")
        .collectAsList()
        .stream()
        .map(r -> r.getString(0))
        .sorted()
        .toList();
  }
}
