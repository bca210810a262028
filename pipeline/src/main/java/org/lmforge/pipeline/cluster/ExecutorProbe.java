package org.lmforge.pipeline.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkEnv;
import org.apache.spark.rdd.RDD;
import scala.Tuple2;
import scala.collection.JavaConverters;
import scala.collection.Seq;
import scala.reflect.ClassTag$;

/**
 * Runs {@link NodeReport#here} once in every executor JVM. Spark has no "run on executor X" call,
 * but a task preferring location {@code executor_<host>_<id>} (Spark's own form for an
 * executor-local task) waits for that executor's free slot during the locality wait (3 s by
 * default) before going elsewhere; an executor that still got no task is tried again, and one that
 * never does is left out of the result (the caller reports it).
 */
final class ExecutorProbe {
  static final int ROUNDS = 3;

  private ExecutorProbe() {}

  /**
   * One report per executor that ran a probe task, keyed by executor id, in the order of {@code
   * executors}.
   */
  static Map<String, NodeReport> onEach(SparkContext sc, List<SparkExecutors.Executor> executors) {
    Map<String, NodeReport> got = new LinkedHashMap<>();
    for (int round = 0; round < ROUNDS && got.size() < executors.size(); round++) {
      List<Tuple2<Integer, Seq<String>>> tasks = new ArrayList<>();
      for (SparkExecutors.Executor e : executors) {
        if (got.containsKey(e.id())) continue;
        Seq<String> where =
            JavaConverters.asScalaBuffer(List.of("executor_" + e.host() + "_" + e.id())).toSeq();
        tasks.add(new Tuple2<>(tasks.size(), where));
      }
      sc.setJobDescription("doctor: one probe task per executor (round " + (round + 1) + ")");
      RDD<Integer> rdd =
          sc.makeRDD(
              JavaConverters.asScalaBuffer(tasks).toSeq(), ClassTag$.MODULE$.apply(Integer.class));
      List<NodeReport> reports =
          rdd.toJavaRDD()
              .map(i -> NodeReport.here("executor " + SparkEnv.get().executorId()))
              .collect();
      for (NodeReport r : reports) got.putIfAbsent(r.node().substring("executor ".length()), r);
    }
    sc.setJobDescription(null);
    Map<String, NodeReport> ordered = new LinkedHashMap<>();
    for (SparkExecutors.Executor e : executors) {
      NodeReport r = got.get(e.id());
      if (r != null) ordered.put(e.id(), r.withExecutorGpus(e.gpus()));
    }
    return ordered;
  }
}
