package org.lmforge.pipeline.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lmforge.pipeline.TestSessions;

/**
 * Connected components on chains, stars and a random graph, checked against union-find, at any
 * partitioning.
 */
class DedupConnectedComponentsTest {
  private static final StructType EDGE =
      new StructType().add("a", DataTypes.LongType, false).add("b", DataTypes.LongType, false);
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = TestSessions.local("dedup-cc-test");
  }

  @AfterAll
  static void stop() {
    // The session is shared with the other dedupe tests in this JVM; getOrCreate reuses it.
  }

  private static Map<Long, Long> components(List<long[]> edges, int partitions) {
    List<Row> rows = new ArrayList<>();
    for (long[] e : edges) {
      rows.add(RowFactory.create(e[0], e[1]));
    }
    Dataset<Row> df = spark.createDataFrame(rows, EDGE).repartition(partitions);
    Map<Long, Long> out = new HashMap<>();
    for (Row r : ConnectedComponents.run(df).collectAsList()) {
      assertEquals(null, out.put(r.getLong(0), r.getLong(1)), "one row per node");
    }
    return out;
  }

  /** Reference: union-find, component = smallest node. */
  private static Map<Long, Long> unionFind(List<long[]> edges) {
    Map<Long, Long> parent = new HashMap<>();
    for (long[] e : edges) {
      long ra = find(parent, e[0]);
      long rb = find(parent, e[1]);
      if (ra != rb) {
        parent.put(Math.max(ra, rb), Math.min(ra, rb));
      }
    }
    Map<Long, Long> out = new HashMap<>();
    for (Long v : new ArrayList<>(parent.keySet())) {
      out.put(v, find(parent, v));
    }
    return out;
  }

  private static long find(Map<Long, Long> parent, long v) {
    parent.putIfAbsent(v, v);
    long r = v;
    while (parent.get(r) != r) {
      r = parent.get(r);
    }
    return r;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5})
  void chainMergesIntoOneComponent(int partitions) {
    // A~B, B~C, ... over a shuffled chain of 300 nodes whose minimum sits in the middle.
    List<long[]> edges = new ArrayList<>();
    long[] order = new long[300];
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < order.length; i++) {
      order[i] = 1000 + r.nextInt(1_000_000);
    }
    order[150] = 5;
    for (int i = 1; i < order.length; i++) {
      edges.add(new long[] {order[i - 1], order[i]});
    }
    Map<Long, Long> cc = components(edges, partitions);
    assertEquals(unionFind(edges), cc);
    assertEquals(1, cc.values().stream().distinct().count());
    assertEquals(5L, cc.get(order[0]));
  }

  @ParameterizedTest
  @ValueSource(ints = {3})
  void starsAndAbcChain(int partitions) {
    List<long[]> edges = new ArrayList<>();
    edges.add(new long[] {10, 11}); // A~B
    edges.add(new long[] {12, 11}); // B~C (reversed direction on purpose)
    for (long leaf = 101; leaf <= 160; leaf++) {
      edges.add(new long[] {leaf, 100}); // star around 100
    }
    edges.add(new long[] {-7, 200}); // negative ids (xxhash keys can be negative)
    edges.add(new long[] {200, 200}); // self-loop
    Map<Long, Long> cc = components(edges, partitions);
    assertEquals(10L, cc.get(12L));
    assertEquals(10L, cc.get(11L));
    assertEquals(100L, cc.get(160L));
    assertEquals(-7L, cc.get(200L));
    assertEquals(unionFind(edges), cc);
  }

  @ParameterizedTest
  @ValueSource(ints = {4})
  void randomGraphMatchesUnionFind(int partitions) {
    SplittableRandom r = new SplittableRandom(11);
    List<long[]> edges = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      edges.add(new long[] {r.nextInt(4000) - 2000L, r.nextInt(4000) - 2000L});
    }
    assertEquals(unionFind(edges), components(edges, partitions));
  }
}
