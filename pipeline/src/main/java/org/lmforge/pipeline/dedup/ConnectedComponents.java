package org.lmforge.pipeline.dedup;

import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;
import scala.collection.JavaConverters;

/**
 * Connected components of an undirected graph given as a Dataset of edges, computed in Spark (never
 * collected to the driver): min-label propagation with hooking and pointer jumping (after Shiloach
 * and Vishkin 1982). Each round every node takes the smallest label among itself and its neighbours
 * and passes it on to its parent l(v) too (hooking, so a whole tree moves, not only its border),
 * then takes the label of its label (l(v) := l(l(v))), which halves the distance to the root;
 * rounds grow with the log of the diameter. Labels only decrease and are always node ids of the
 * same component, and the loop stops only when a round changes no label; at that point labels are
 * constant along every edge, so every node holds its component's minimum id. The result is
 * therefore the same at any partitioning.
 *
 * <p>Written on pair RDDs with one hash partitioner: edges and labels stay co-partitioned, so a
 * round shuffles only the messages, and the plan does not grow with the rounds (Spark SQL's size
 * estimates overflow into huge BigInts when a query is joined with its own output a dozen times).
 */
public final class ConnectedComponents {
  /**
   * Rounds after which the computation stops with an error (pointer jumping needs about log2 of the
   * diameter).
   */
  static final int MAX_ROUNDS = 100;

  private static final StructType OUT =
      new StructType()
          .add("node", DataTypes.LongType, false)
          .add("component", DataTypes.LongType, false);

  private ConnectedComponents() {}

  /**
   * @param edges columns {@code a}, {@code b} (long node ids); self-loops and repeats are allowed
   * @return columns {@code node}, {@code component} (the smallest node id of its component), one
   *     row per node that occurs in an edge
   */
  public static Dataset<Row> run(Dataset<Row> edges) {
    // The pair graph is small next to the corpus; one partition per core keeps each of the ~3
    // shuffles per
    // round cheap (200 SQL shuffle partitions would mean 600 tiny tasks a round).
    HashPartitioner hp =
        new HashPartitioner(
            Math.max(
                1,
                Math.min(
                    edges.rdd().getNumPartitions(),
                    edges.sparkSession().sparkContext().defaultParallelism())));
    JavaPairRDD<Long, Long> both =
        edges
            .javaRDD()
            .flatMapToPair(
                r ->
                    List.of(
                            new Tuple2<>(r.getLong(0), r.getLong(1)),
                            new Tuple2<>(r.getLong(1), r.getLong(0)))
                        .iterator())
            .distinct()
            .partitionBy(hp)
            .persist(StorageLevel.MEMORY_AND_DISK());
    JavaPairRDD<Long, Long> labels =
        both.reduceByKey(hp, Math::min)
            // mapPartitionsToPair, not mapToPair, so that the partitioner is kept
            .mapPartitionsToPair(
                it ->
                    JavaConverters.asJavaIterator(
                        JavaConverters.asScalaIterator(it)
                            .map(t -> new Tuple2<>(t._1, Math.min(t._1, t._2)))),
                true)
            .persist(StorageLevel.MEMORY_AND_DISK());
    for (int round = 1; round <= MAX_ROUNDS; round++) {
      // (src, (dst, l(src))) -> (dst, l(src)): every node hears its neighbours' labels.
      JavaPairRDD<Long, Long> nbMin =
          both.join(labels)
              .mapToPair(t -> new Tuple2<>(t._2._1, t._2._2))
              .reduceByKey(hp, Math::min);
      // Hooking: the smaller label goes to the node and to its parent l(v), so a whole tree moves
      // at once.
      JavaPairRDD<Long, Long> hooked =
          labels
              .leftOuterJoin(nbMin)
              .flatMapToPair(
                  t -> {
                    long l = t._2._1;
                    long m = Math.min(l, t._2._2.orElse(l));
                    return List.of(new Tuple2<>(t._1, m), new Tuple2<>(l, m)).iterator();
                  })
              .reduceByKey(hp, Math::min);
      // Pointer jumping: (l1(v), v) joined with l1 gives l1(l1(v)) <= l1(v).
      JavaPairRDD<Long, Long> next =
          hooked
              .mapToPair(t -> new Tuple2<>(t._2, t._1))
              .join(hooked, hp)
              .mapToPair(t -> new Tuple2<>(t._2._1, t._2._2))
              .partitionBy(hp)
              .persist(StorageLevel.MEMORY_AND_DISK());
      next.rdd()
          .localCheckpoint(); // cuts the lineage, which otherwise grows by a few RDDs per round
      long changed = next.join(labels).filter(t -> !t._2._1.equals(t._2._2)).count();
      labels.unpersist(false);
      labels = next;
      if (changed == 0) {
        both.unpersist(false);
        JavaRDD<Row> rows = labels.map(t -> RowFactory.create(t._1, t._2));
        return edges.sparkSession().createDataFrame(rows, OUT);
      }
    }
    throw new IllegalStateException(
        "connected components did not converge in " + MAX_ROUNDS + " rounds");
  }
}
