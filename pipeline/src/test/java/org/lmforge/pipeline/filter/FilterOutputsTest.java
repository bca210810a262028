package org.lmforge.pipeline.filter;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.pipeline.TestSessions;
import org.lmforge.pipeline.clean.CleanSchema;
import org.lmforge.pipeline.job.Progress;

/**
 * The stage's outputs on disk: --keep-dropped rejects round-trip through Parquet, one folder per
 * filter; the sample listing prints the documents a selector names, from a flat output or a kept/ +
 * rejected/ layout.
 */
class FilterOutputsTest {
  private static SparkSession spark;
  private static Dataset<Row> out;
  private static List<Row> rows;

  @TempDir static Path tmp;

  @BeforeAll
  static void run() {
    spark = TestSessions.local("filter-outputs-test");
    out = FilterCorpus.run(spark).out();
    rows = out.collectAsList();
  }

  @Test
  void rejectedRowsRoundTripThroughParquetOneFolderPerFilter() {
    String written = RejectedOutput.write(out, tmp.resolve("job").toUri().toString());
    assertTrue(written.startsWith("file:") && written.endsWith("/job/rejected"), written);

    Dataset<Row> back = spark.read().parquet(written);
    Map<String, String> got = new TreeMap<>();
    for (Row r :
        back.select(
                java.util.Arrays.stream(out.columns())
                    .map(org.apache.spark.sql.functions::col)
                    .toArray(org.apache.spark.sql.Column[]::new))
            .collectAsList()) {
      got.put(r.getString(0), FilterCorpus.canon(r));
    }
    Map<String, String> want = new TreeMap<>();
    TreeSet<String> filters = new TreeSet<>();
    for (Row r : rows) {
      if (r.getAs(CleanSchema.DROP_FILTER) != null) {
        want.put(r.getString(0), FilterCorpus.canon(r));
        filters.add(r.getAs(CleanSchema.DROP_FILTER));
      }
    }
    assertTrue(want.size() > 20 && filters.contains(FilterCorpus.PRE_FILTER), filters.toString());
    assertEquals(want, got);
    for (String f : filters) {
      assertTrue(Files.isDirectory(tmp.resolve("job/rejected/drop_filter=" + f)), f);
    }
    // Column comments travel in the Parquet schema.
    assertTrue(back.schema().apply(FilterStage.FILTER_EDITS).getComment().isDefined());
  }

  @Test
  void listingPrintsASampleOfTheSelectedDocuments() {
    String flat = tmp.resolve("flat").toString();
    out.write().parquet(flat);
    Map<String, Row> byUrl = new HashMap<>();
    Map<String, Integer> perReason = new TreeMap<>();
    for (Row r : rows) {
      byUrl.put(r.getAs(CleanSchema.URL), r);
      String reason = r.getAs(CleanSchema.DROP_REASON);
      if (reason != null) {
        perReason.merge(reason, 1, Integer::sum);
      }
    }

    List<String[]> kept = list(flat, SampleListing.KEPT, 5);
    assertEquals(5, kept.size());
    for (String[] d : kept) {
      Row r = byUrl.get(d[1]);
      assertTrue(r.isNullAt(r.fieldIndex(CleanSchema.DROP_FILTER)), d[1]);
      String text = r.getAs(CleanSchema.TEXT);
      assertEquals(SampleListing.preview(text), d[2]);
      assertTrue(text.length() <= 300 || d[2].endsWith(" ..."), d[2]);
    }
    assertEquals(
        kept.stream().map(d -> d[1]).toList(),
        list(flat, SampleListing.KEPT, 5).stream().map(d -> d[1]).toList(),
        "the sample is the same on every run");

    String reason =
        perReason.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    List<String[]> byReason = list(flat, reason, 1000);
    assertEquals(perReason.get(reason), byReason.size());
    for (String[] d : byReason) {
      assertEquals(reason, byUrl.get(d[1]).<String>getAs(CleanSchema.DROP_REASON));
      assertTrue(d[0].endsWith(" " + reason), d[0]);
    }
    String filter = reason.substring(0, reason.indexOf('.'));
    for (String[] d : list(flat, filter, 1000)) {
      assertEquals(filter, byUrl.get(d[1]).<String>getAs(CleanSchema.DROP_FILTER));
    }

    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    assertEquals(
        0,
        SampleListing.print(
            spark,
            flat,
            "no_such_rule",
            3,
            Progress.to(new PrintStream(buf, true, StandardCharsets.UTF_8))));
    String msg = buf.toString(StandardCharsets.UTF_8);
    assertTrue(msg.contains("no documents match 'no_such_rule'") && msg.contains(reason), msg);
  }

  @Test
  void listingReadsAJobOutputWithKeptAndRejectedFolders() {
    String job = tmp.resolve("layout").toString();
    out.filter(col(CleanSchema.DROP_FILTER).isNull())
        .drop(CleanSchema.DROP_FILTER, CleanSchema.DROP_REASON)
        .write()
        .parquet(job + "/kept");
    RejectedOutput.write(out, job);
    long dropped = rows.stream().filter(r -> r.getAs(CleanSchema.DROP_FILTER) != null).count();
    assertEquals(dropped, list(job, SampleListing.DROPPED, 10_000).size());
    assertEquals(rows.size() - dropped, list(job, SampleListing.KEPT, 10_000).size());
  }

  /** Runs the listing; one {verdict, url, preview} per printed document. */
  private static List<String[]> list(String path, String selector, int n) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int printed =
        SampleListing.print(
            spark,
            path,
            selector,
            n,
            Progress.to(new PrintStream(buf, true, StandardCharsets.UTF_8)));
    String[] lines = buf.toString(StandardCharsets.UTF_8).split("\n");
    List<String[]> docs = new ArrayList<>();
    for (int i = 0; i + 1 < lines.length; i += 2) {
      String head = lines[i].substring(lines[i].indexOf(']') + 2);
      int sep = head.lastIndexOf("  ");
      docs.add(
          new String[] {
            head.substring(0, sep), head.substring(sep + 2), lines[i + 1].substring(4)
          });
    }
    assertEquals(printed, docs.size());
    return docs;
  }
}
