package org.lmforge.pipeline.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmforge.dataprep.filter.FilterChain;
import org.lmforge.dataprep.filter.Filters;
import org.lmforge.dataprep.filter.FiltersConfig;
import org.lmforge.pipeline.TestSessions;
import org.lmforge.pipeline.clean.CleanSchema;

/**
 * The filter stage on real pages and Europarl: each row's verdict, text, edits and scores equal the
 * plain FilterChain on the same Doc; rows dropped before the stage pass through; the stats agree
 * with the rows and with the chain; results do not depend on partitioning.
 */
class FilterStageTest {
  private static SparkSession spark;
  private static FiltersConfig cfg;
  private static List<Row> input;
  private static Dataset<Row> out4;
  private static Map<String, Row> byId4;
  private static Map<String, FilterChain.Result> direct;
  private static FilterStats stats4;

  @BeforeAll
  static void run() {
    spark = TestSessions.local("filter-stage-test");
    FilterCorpus.Run run = FilterCorpus.run(spark);
    cfg = run.cfg();
    input = run.input();
    out4 = run.out();
    byId4 = new HashMap<>();
    for (Row r : out4.collectAsList()) {
      byId4.put(r.getString(0), r);
    }
    stats4 = FilterStats.compute(out4, cfg.enabled());
    FilterChain chain = Filters.chain(cfg);
    direct = new HashMap<>();
    for (Row r : input) {
      if (!FilterCorpus.preDropped(r)) {
        direct.put(r.getString(0), chain.apply(FilterCorpus.doc(r), FilterCorpus.robots(r)));
      }
    }
  }

  @Test
  void schemaIsInputPlusEditsAndScores() {
    assertEquals(FilterStage.SCHEMA, out4.schema());
    assertEquals(CleanSchema.SCHEMA.size() + 2, FilterStage.SCHEMA.size());
    assertEquals(input.size(), byId4.size());
  }

  @Test
  void everyVerdictEqualsTheChainOnTheSameDoc() {
    int kept = 0;
    int modified = 0;
    int optOut = 0;
    for (Row in : input) {
      FilterChain.Result want = direct.get(in.getString(0));
      if (want == null) {
        continue;
      }
      Row got = byId4.get(in.getString(0));
      String id = in.getString(0);
      assertEquals(want.droppedBy(), got.getAs(CleanSchema.DROP_FILTER), id);
      assertEquals(want.reason(), got.getAs(CleanSchema.DROP_REASON), id);
      assertEquals(want.doc().text(), got.getAs(CleanSchema.TEXT), id);
      assertEquals(want.doc().text().length(), (int) got.getAs(CleanSchema.TEXT_LENGTH), id);
      assertEquals(
          expectedEdits(want),
          FilterCorpus.canon(RowFactory.create((Object) got.getAs(FilterStage.FILTER_EDITS))),
          id);
      assertEquals(
          new TreeMap<>(want.scores()),
          new TreeMap<>(got.<String, Double>getJavaMap(got.fieldIndex(FilterStage.FILTER_SCORES))),
          id);
      for (String c :
          List.of(
              CleanSchema.ID,
              CleanSchema.URL,
              CleanSchema.LANGUAGE,
              CleanSchema.TITLE,
              CleanSchema.SOURCE_FILE,
              CleanSchema.RECORD_OFFSET,
              CleanSchema.ROBOTS,
              CleanSchema.CRAWL_DATE)) {
        assertEquals(
            (Object) in.getAs(CleanSchema.SCHEMA.fieldIndex(c)), got.getAs(c), id + " " + c);
      }
      kept += want.kept() ? 1 : 0;
      modified += want.edits().isEmpty() ? 0 : 1;
      optOut += "opt_out".equals(want.droppedBy()) ? 1 : 0;
    }
    // The real data exercise every path: kept, dropped, edited, and opted out through the robots
    // column. Europarl alone (no ../shared/data) does not: the pages carry the edits and opt-outs.
    assumeTrue(FilterCorpus.hasPages(), "the coverage counts need ../shared/data/extraction-dev");
    assertTrue(kept > 20 && kept < direct.size() - 20, "kept " + kept + " of " + direct.size());
    assertTrue(modified > 5, "modified " + modified);
    assertTrue(optOut > 3, "opt_out drops " + optOut);
  }

  private static String expectedEdits(FilterChain.Result r) {
    List<Object> edits = new ArrayList<>();
    for (FilterChain.Edit e : r.edits()) {
      edits.add(
          RowFactory.create(
              e.filter(),
              (int) e.charsRemoved(),
              scala.collection.JavaConverters.mapAsScalaMapConverter(e.items()).asScala()));
    }
    return FilterCorpus.canon(
        RowFactory.create(
            scala.collection.JavaConverters.asScalaBufferConverter(edits).asScala().toList()));
  }

  @Test
  void rowsDroppedBeforeTheStagePassThroughUntouched() {
    int n = 0;
    for (Row in : input) {
      if (!FilterCorpus.preDropped(in)) {
        continue;
      }
      Row got = byId4.get(in.getString(0));
      for (int i = 0; i < in.length(); i++) {
        assertEquals((Object) in.get(i), got.get(i), in.getString(0) + " column " + i);
      }
      assertNull(got.getAs(FilterStage.FILTER_EDITS));
      assertNull(got.getAs(FilterStage.FILTER_SCORES));
      n++;
    }
    assumeTrue(FilterCorpus.hasPages(), "five pre-dropped rows need ../shared/data/extraction-dev");
    assertTrue(n >= 5, "pre-dropped rows: " + n);
  }

  @Test
  void statsAgreeWithTheRowsAndTheChain() {
    FilterStats s = stats4;
    List<String> order = cfg.enabled();
    assertEquals(direct.size(), s.docsIn());
    assertEquals(input.size() - direct.size(), s.passedThrough());
    assertEquals(s.docsIn(), s.kept() + s.dropped());

    // in = kept + dropped per filter: what a filter lets through is what the next one receives.
    assertEquals(order, s.filters().stream().map(FilterStats.PerFilter::filter).toList());
    assertEquals(s.docsIn(), s.filters().get(0).docsIn());
    for (int k = 0; k < order.size(); k++) {
      FilterStats.PerFilter f = s.filters().get(k);
      long through = f.docsIn() - f.dropped();
      assertEquals(
          k + 1 < order.size() ? s.filters().get(k + 1).docsIn() : s.kept(), through, f.filter());
      assertEquals(
          f.dropped(), (long) s.droppedByFilter().getOrDefault(f.filter(), 0L), f.filter());
    }

    // The same counts straight from the chain's results.
    Map<String, Long> drops = new TreeMap<>();
    Map<String, Long> modified = new HashMap<>();
    Map<String, Long> chars = new HashMap<>();
    Map<String, Long> items = new TreeMap<>();
    for (FilterChain.Result r : direct.values()) {
      if (!r.kept()) {
        drops.merge(r.reason(), 1L, Long::sum);
      }
      for (FilterChain.Edit e : r.edits()) {
        modified.merge(e.filter(), 1L, Long::sum);
        chars.merge(e.filter(), e.charsRemoved(), Long::sum);
        e.items().forEach((kind, c) -> items.merge(kind, (long) c, Long::sum));
      }
    }
    Map<String, Long> table = new TreeMap<>();
    double shares = 0;
    for (FilterStats.DropRow d : s.dropTable()) {
      assertTrue(d.reason().startsWith(d.filter() + "."), d.reason());
      table.put(d.reason(), d.count());
      assertEquals((double) d.count() / s.docsIn(), d.share(), 1e-12);
      shares += d.share();
    }
    assertEquals(drops, table);
    assertEquals((double) s.dropped() / s.docsIn(), shares, 1e-9);
    for (FilterStats.PerFilter f : s.filters()) {
      assertEquals(modified.getOrDefault(f.filter(), 0L), f.modified(), f.filter());
      assertEquals(chars.getOrDefault(f.filter(), 0L), f.charsRemoved(), f.filter());
    }
    assertEquals(items, s.editItems());
    s.pii().keySet().forEach(k -> assertTrue(k.startsWith("pii."), k));

    assertEquals(s, FilterStats.fromJson(s.toJson()));
    assertTrue(s.toJson().contains("\"dropTable\""), s.toJson());
  }

  @Test
  void resultsDoNotDependOnPartitioning() {
    Dataset<Row> in = spark.createDataFrame(input, CleanSchema.SCHEMA);
    Dataset<Row> out1 = FilterStage.apply(in.coalesce(1), cfg).persist();
    try {
      assertEquals(1, out1.rdd().getNumPartitions());
      assertEquals(4, out4.rdd().getNumPartitions());
      Map<String, String> one = new TreeMap<>();
      for (Row r : out1.collectAsList()) {
        one.put(r.getString(0), FilterCorpus.canon(r));
      }
      Map<String, String> four = new TreeMap<>();
      byId4.forEach((id, r) -> four.put(id, FilterCorpus.canon(r)));
      assertEquals(four, one);
      assertEquals(stats4, FilterStats.compute(out1, cfg.enabled()));
    } finally {
      out1.unpersist();
    }
  }

  @Test
  void badInputFailsNamingTheColumnOrRecord() {
    Dataset<Row> in = spark.createDataFrame(input.subList(0, 3), CleanSchema.SCHEMA);
    IllegalArgumentException noRobots =
        assertThrows(
            IllegalArgumentException.class,
            () -> FilterStage.apply(in.drop(CleanSchema.ROBOTS), cfg));
    assertTrue(
        noRobots
            .getMessage()
            .startsWith("filter stage: input has no column 'robots'; it needs the clean schema"),
        noRobots.getMessage());

    IllegalArgumentException longLength =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                FilterStage.apply(
                    in.withColumn(
                        CleanSchema.TEXT_LENGTH,
                        in.col(CleanSchema.TEXT_LENGTH).cast(DataTypes.LongType)),
                    cfg));
    assertEquals(
        "filter stage: column 'text_length' is bigint, expected int (CleanSchema)",
        longLength.getMessage());

    IllegalArgumentException twice =
        assertThrows(
            IllegalArgumentException.class,
            () -> FilterStage.apply(FilterStage.apply(in, cfg), cfg));
    assertTrue(twice.getMessage().contains(FilterStage.FILTER_EDITS), twice.getMessage());

    IllegalArgumentException badCfg =
        assertThrows(
            IllegalArgumentException.class,
            () -> FilterStage.apply(in, cfg.withEnabled(List.of("c4", "no_such_filter"))));
    assertTrue(badCfg.getMessage().contains("no_such_filter"), badCfg.getMessage());

    Row r = input.stream().filter(x -> !FilterCorpus.preDropped(x)).findFirst().orElseThrow();
    Object[] v = new Object[r.length()];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.get(i);
    }
    v[CleanSchema.SCHEMA.fieldIndex(CleanSchema.LANGUAGE)] = null;
    Dataset<Row> nullLang =
        spark.createDataFrame(List.of(RowFactory.create(v)), CleanSchema.SCHEMA.asNullable());
    Exception e =
        assertThrows(Exception.class, () -> FilterStage.apply(nullLang, cfg).collectAsList());
    String msg = String.valueOf(e.getMessage());
    assertTrue(
        msg.contains("'language' is null")
            && msg.contains(r.getString(0))
            && msg.contains(r.getString(CleanSchema.SCHEMA.fieldIndex(CleanSchema.SOURCE_FILE))),
        msg);
  }
}
