package org.lmforge.pipeline.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmforge.dataprep.dedup.DedupConfig;
import org.lmforge.pipeline.TestSessions;

/**
 * The whole stage on real Europarl text with planted duplicates: exact copies, copies with changed
 * boilerplate, ~10% word edits and reordered paragraphs are dropped; distinct documents sharing
 * boilerplate are kept; URL variants collapse; counters agree with the rows; bad input passes; the
 * kept set does not depend on partitioning.
 */
class DedupStageTest {
  private static final String[] HEADERS = {
    "Home | News | Contact | Login",
    "Skip to main content",
    "Menu Search Subscribe",
    "You are here: Home > Debates"
  };
  private static final String FOOTER =
      "Copyright 2024 Parliament Watch. All rights reserved. Privacy policy.";

  private static final int PAGES = 600;
  private static SparkSession spark;
  private static List<List<String>> bodies;

  @BeforeAll
  static void start() {
    spark = TestSessions.local("dedup-stage-test");
    bodies = new ArrayList<>();
    for (List<String> b : DedupCorpus.europarl()) {
      int words = String.join(" ", b).split("\\s+").length;
      if (b.size() >= 3 && words >= 150) {
        bodies.add(b);
      }
    }
  }

  /** A page: site boilerplate around a Europarl body, paragraphs on lines. */
  private static String page(List<String> paras, int site) {
    return HEADERS[site % HEADERS.length]
        + "\n"
        + String.join("\n", paras)
        + "\n"
        + FOOTER
        + " Site "
        + site;
  }

  /**
   * About 10% of the words rewritten as one contiguous passage (a changed sentence or two).
   * Scattered edits at a rate e leave a 5-gram Jaccard near (1-e)^5 / (2-(1-e)^5), 0.42 at 10%,
   * which no shingle method calls a near-duplicate at 0.7; the benchmark covers scattered edits at
   * 3%.
   */
  private static String editWords(String text, double share, long seed) {
    String[] w = text.split(" ");
    SplittableRandom r = new SplittableRandom(seed);
    int edits = (int) Math.round(w.length * share);
    int from = r.nextInt(w.length - edits);
    for (int i = from; i < from + edits; i++) {
      if (!w[i].contains("\n")) {
        w[i] = "zx" + r.nextInt(100000);
      }
    }
    return String.join(" ", w);
  }

  /** Planted corpus: 600 distinct pages plus one planted copy of each kind per 30 pages. */
  private record Planted(List<Row> rows, Map<String, String> copyOf, List<String> distinct) {}

  private static Planted planted() {
    List<Row> rows = new ArrayList<>();
    Map<String, String> copyOf = new TreeMap<>();
    List<String> distinct = new ArrayList<>();
    long t = 1_700_000_000L;
    for (int i = 0; i < PAGES; i++) {
      List<String> body = bodies.get(i);
      String id = "p" + i;
      String text = page(body, i);
      rows.add(
          DedupCorpus.row(
              id, "https://site" + (i % 40) + ".eu/debate/" + i, t + i, text, null, "a"));
      distinct.add(id);
      if (i % 30 == 0) {
        rows.add(
            DedupCorpus.row(id + "-exact", "https://mirror.eu/" + i, t + i + 5, text, null, "b"));
        copyOf.put(id + "-exact", id);
      } else if (i % 30 == 1) {
        String other =
            HEADERS[(i + 1) % HEADERS.length]
                + "\n"
                + String.join("\n", body)
                + "\nPowered by wiki";
        rows.add(
            DedupCorpus.row(id + "-boiler", "https://other.eu/" + i, t + i + 5, other, null, "b"));
        copyOf.put(id + "-boiler", id);
      } else if (i % 30 == 2) {
        rows.add(
            DedupCorpus.row(
                id + "-edit",
                "https://edit.eu/" + i,
                t + i + 5,
                editWords(text, 0.10, i),
                null,
                "b"));
        copyOf.put(id + "-edit", id);
      } else if (i % 30 == 3) {
        List<String> shuffled = new ArrayList<>(body);
        Collections.rotate(shuffled, 1);
        Collections.swap(shuffled, 0, shuffled.size() - 1);
        rows.add(
            DedupCorpus.row(
                id + "-reorder",
                "https://reorder.eu/" + i,
                t + i + 5,
                page(shuffled, i + 1),
                null,
                "b"));
        copyOf.put(id + "-reorder", id);
      }
    }
    return new Planted(rows, copyOf, distinct);
  }

  private static Map<String, Row> byId(Dataset<Row> docs) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : docs.collectAsList()) {
      out.put(r.getAs("id"), r);
    }
    return out;
  }

  private static boolean kept(Row r) {
    return r.getAs("drop_filter") == null;
  }

  @Test
  void plantedDuplicatesAreFoundAndDistinctPagesKept() {
    Planted p = planted();
    Dataset<Row> in = spark.createDataFrame(p.rows(), DedupCorpus.SCHEMA).repartition(3);
    DedupStage.Result res = DedupStage.run(in, DedupConfig.defaults());
    Map<String, Row> out = byId(res.docs());
    assertEquals(p.rows().size(), out.size(), "same rows out");

    for (Map.Entry<String, String> e : p.copyOf().entrySet()) {
      Row copy = out.get(e.getKey());
      Row orig = out.get(e.getValue());
      assertNotNull(
          copy, e.getKey() + " in output; some ids: " + out.keySet().stream().limit(20).toList());
      assertNotNull(orig, e.getValue() + " in output");
      assertTrue(kept(orig) != kept(copy), e.getKey() + ": exactly one of copy and original kept");
      Row dropped = kept(copy) ? orig : copy;
      assertEquals("dedup", dropped.getAs("drop_filter"));
      String kind = e.getKey().substring(e.getKey().indexOf('-') + 1);
      String expected = kind.equals("exact") ? "dedup.exact" : "dedup.near";
      assertEquals(expected, dropped.getAs("drop_reason"), e.getKey());
    }
    // Every distinct page survives although they all share headers and footers.
    for (String id : p.distinct()) {
      boolean copyKept =
          p.copyOf().entrySet().stream()
              .anyMatch(e -> e.getValue().equals(id) && kept(out.get(e.getKey())));
      assertTrue(kept(out.get(id)) || copyKept, id + " (distinct page) lost");
    }
    // Boilerplate lines are gone from all but their first page, and counted.
    Row later = out.get("p500");
    String laterText = later.getAs("text");
    assertFalse(laterText.contains(HEADERS[500 % HEADERS.length]), "shared header removed");
    assertFalse(
        laterText.contains("All rights reserved"), "footer (differs only in digits) removed");
    int removedChars = later.getAs("dedup_line_chars_removed");
    assertTrue(
        removedChars >= HEADERS[500 % HEADERS.length].length() + FOOTER.length() + 2,
        "" + removedChars);
    assertEquals(page(bodies.get(500), 500).length() - removedChars, laterText.length());
    assertEquals(laterText.length(), (int) later.getAs("text_length"));
    long withHeader =
        out.values().stream()
            .filter(r -> kept(r) && ((String) r.getAs("text")).contains(HEADERS[0]))
            .count();
    assertEquals(1, withHeader, "only the first occurrence keeps the shared header");

    Map<String, Long> c = DedupStage.counters(res.docs());
    long nearDropped =
        out.values().stream().filter(r -> "dedup.near".equals(r.getAs("drop_reason"))).count();
    assertEquals(nearDropped, c.get("dropped_near"));
    assertEquals(p.rows().size(), c.get("docs_in"));
    assertEquals(
        c.get("docs_in")
            - c.get("dropped_id")
            - c.get("dropped_url")
            - c.get("dropped_exact")
            - c.get("dropped_line")
            - c.get("dropped_near"),
        c.get("docs_out"));
    long chars =
        out.values().stream().mapToLong(r -> ((Integer) r.getAs("dedup_line_chars_removed"))).sum();
    assertEquals(chars, c.get("line_chars_removed"));
    assertTrue(
        c.get("lines_removed") >= c.get("docs_out") - 4,
        "each page but the first with a header loses it: " + c);

    // Clusters are inspectable: each near-dropped doc's cluster lists it and its kept document.
    Map<String, Row> clusters = new HashMap<>();
    for (Row r : res.clusters().collectAsList()) {
      clusters.put(r.getAs("cluster_id"), r);
    }
    assertEquals(c.get("near_clusters"), (long) clusters.size());
    for (Row r : out.values()) {
      if ("dedup.near".equals(r.getAs("drop_reason"))) {
        Row cl = clusters.get((String) r.getAs("dup_cluster_id"));
        assertNotNull(cl);
        List<String> members = cl.getList(cl.fieldIndex("member_ids"));
        assertTrue(
            members.contains((String) r.getAs("id"))
                && members.contains((String) r.getAs("dup_of")));
        assertEquals(members.size(), (int) cl.getAs("size"));
        assertTrue(kept(out.get((String) r.getAs("dup_of"))), "cluster keeps its named document");
      }
    }
  }

  @Test
  void urlVariantsKeepNewestOrLongestAndPriorDropsPassThrough() {
    String body = String.join("\n", bodies.get(700));
    List<Row> rows =
        List.of(
            DedupCorpus.row(
                "u1",
                "https://News.example.com:443/story?id=5&utm_source=tw#top",
                1_000,
                body,
                null,
                "a"),
            DedupCorpus.row(
                "u2",
                "https://news.example.com/story?id=5",
                3_000,
                body.substring(0, body.length() / 2),
                null,
                "a"),
            DedupCorpus.row(
                "u3",
                "https://news.example.com/story?id=5&fbclid=x",
                2_000,
                body + "\nMore.",
                null,
                "a"),
            DedupCorpus.row(
                "u4",
                "https://news.example.com/story?id=6",
                2_000,
                String.join("\n", bodies.get(701)),
                null,
                "a"),
            DedupCorpus.row(
                "gone", "https://news.example.com/story?id=5", 9_000, body, "quality", "a"));
    Dataset<Row> in = spark.createDataFrame(rows, DedupCorpus.SCHEMA);
    DedupConfig urlOnly = DedupConfig.defaults().withLevels(true, false, false, false);

    Map<String, Row> newest = byId(DedupStage.run(in, urlOnly).docs());
    assertTrue(kept(newest.get("u2")) && kept(newest.get("u4")));
    assertEquals("dedup.url", newest.get("u1").getAs("drop_reason"));
    assertEquals("u2", newest.get("u3").getAs("dup_of"));
    Row gone = newest.get("gone");
    assertEquals("quality", gone.getAs("drop_filter"), "rows dropped earlier are untouched");
    assertEquals("quality.x", gone.getAs("drop_reason"));
    assertNull(gone.getAs("dup_of"));
    assertNull(gone.getAs("dedup_line_chars_removed"));
    assertEquals("a", gone.getAs("source"), "pass-through column kept");

    Map<String, Row> longest = byId(DedupStage.run(in, urlOnly.withKeep("longest")).docs());
    assertTrue(kept(longest.get("u3")));
    assertFalse(kept(longest.get("u1")) || kept(longest.get("u2")));
    Map<String, Long> c = DedupStage.counters(DedupStage.run(in, urlOnly).docs());
    assertEquals(4L, c.get("docs_in"));
    assertEquals(2L, c.get("dropped_url"));
  }

  @Test
  void badInputPassesAndRepeatedFilesAreHandledOnce() {
    StringBuilder big = new StringBuilder(50 << 20);
    List<String> words = new ArrayList<>();
    for (List<String> b : bodies.subList(0, 200)) {
      words.addAll(List.of(String.join(" ", b).split("\\s+")));
    }
    for (int i = 0; big.length() < (50 << 20); i++) {
      big.append(words.get(i % words.size())).append(i % 40 == 39 ? '\n' : ' ');
    }
    List<Row> rows =
        new ArrayList<>(
            List.of(
                DedupCorpus.row("empty", "https://a.example/empty", 1, "", null, "a"),
                DedupCorpus.row("null", "https://a.example/null", 1, null, null, "a"),
                DedupCorpus.row("one-word", "https://a.example/one", 1, "Hello", null, "a"),
                DedupCorpus.row("big", "https://a.example/big", 1, big.toString(), null, "a"),
                DedupCorpus.row(
                    "zh", "https://a.example/zh", 1, "欧洲议会今天讨论了关于性别平等的新指令和相关报告。", null, "a"),
                DedupCorpus.row(
                    "ar",
                    "https://a.example/ar",
                    1,
                    "ناقش البرلمان الأوروبي اليوم التوجيه الجديد بشأن المساواة",
                    null,
                    "a"),
                DedupCorpus.row("el", null, 1, String.join("\n", bodies.get(800)), null, "a"),
                DedupCorpus.row(
                    "twice",
                    "https://a.example/twice",
                    5,
                    String.join("\n", bodies.get(801)),
                    null,
                    "file-1"),
                DedupCorpus.row(
                    "twice",
                    "https://a.example/twice",
                    5,
                    String.join("\n", bodies.get(801)),
                    null,
                    "file-2")));
    DedupStage.Result res =
        DedupStage.run(spark.createDataFrame(rows, DedupCorpus.SCHEMA), DedupConfig.defaults());
    List<Row> out = res.docs().select("id", "drop_reason", "text_length", "source").collectAsList();
    assertEquals(rows.size(), out.size());
    long twiceKept =
        out.stream().filter(r -> r.getString(0).equals("twice") && r.isNullAt(1)).count();
    long twiceDropped =
        out.stream()
            .filter(r -> r.getString(0).equals("twice") && "dedup.id".equals(r.getString(1)))
            .count();
    assertEquals(1, twiceKept);
    assertEquals(1, twiceDropped);
    for (String id : List.of("one-word", "big", "zh", "ar", "el")) {
      assertTrue(
          out.stream().anyMatch(r -> r.getString(0).equals(id) && r.isNullAt(1)), id + " kept");
    }
    // Null and empty text normalise alike: one is kept, the other is its exact duplicate.
    long emptyKept =
        out.stream().filter(r -> r.getString(0).matches("empty|null") && r.isNullAt(1)).count();
    assertEquals(1, emptyKept);
  }

  @Test
  void keptDocumentsDoNotDependOnPartitioning() {
    Planted p = planted();
    List<Row> some = p.rows().subList(0, 140);
    Dataset<Row> in = spark.createDataFrame(some, DedupCorpus.SCHEMA);
    TreeSet<String> first =
        keptAndClusters(DedupStage.run(in.repartition(1), DedupConfig.defaults()).docs());
    TreeSet<String> second =
        keptAndClusters(DedupStage.run(in.repartition(3), DedupConfig.defaults()).docs());
    assertEquals(first, second);
    assertTrue(
        first.stream().anyMatch(x -> x.contains("|dedup.near|")), "near duplicates were found");
  }

  private static TreeSet<String> keptAndClusters(Dataset<Row> docs) {
    TreeSet<String> out = new TreeSet<>();
    for (Row r : docs.select("id", "drop_reason", "dup_cluster_id", "text").collectAsList()) {
      out.add(
          r.getString(0)
              + "|"
              + r.getString(1)
              + "|"
              + r.getString(2)
              + "|"
              + r.getString(3).hashCode());
    }
    return out;
  }
}
