package org.lmforge.pipeline.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.spark.SparkContext;
import org.apache.spark.resource.ResourceInformation;
import org.apache.spark.status.api.v1.ExecutorSummary;
import scala.collection.Iterator;

/**
 * The executors registered with the driver, with the GPU addresses each was given: read from
 * Spark's status store (the data behind the UI's Executors page and the REST API's {@code
 * /executors}), the one place the driver keeps each executor's resources. {@code
 * SparkContext.statusStore} is {@code private[spark]} in Scala (public in the bytecode Java sees);
 * its {@code ExecutorSummary} is the REST API's public class. In local mode the only executor is
 * the driver itself, id "driver".
 */
public final class SparkExecutors {
  /** How long to wait for executors when Spark's own setting is absent (its default, 30 s). */
  static final long DEFAULT_WAIT_MS = 30_000;

  private SparkExecutors() {}

  /**
   * @param gpus the GPU addresses Spark gave this executor (from the discovery script), in Spark's
   *     order
   */
  public record Executor(String id, String host, int cores, List<String> gpus) {}

  /** The executors registered now (not the driver, unless it is the local-mode executor). */
  public static List<Executor> registered(SparkContext sc) {
    List<Executor> out = new ArrayList<>();
    Iterator<ExecutorSummary> it = sc.statusStore().executorList(true).iterator();
    while (it.hasNext()) {
      ExecutorSummary e = it.next();
      if (e.id().equals("driver") && !sc.isLocal()) continue;
      List<String> gpus = new ArrayList<>();
      scala.Option<ResourceInformation> gpu = e.resources().get("gpu");
      if (gpu.isDefined()) gpus.addAll(List.of(gpu.get().addresses()));
      String hostPort = e.hostPort();
      int colon = hostPort.lastIndexOf(':');
      out.add(
          new Executor(
              e.id(), colon > 0 ? hostPort.substring(0, colon) : hostPort, e.totalCores(), gpus));
    }
    out.sort((a, b) -> compareIds(a.id(), b.id()));
    return out;
  }

  /**
   * Waits until the registered executors satisfy {@code enough}, for at most {@link #waitMillis};
   * returns the last list either way (the caller words the shortfall).
   */
  public static List<Executor> await(SparkContext sc, Predicate<List<Executor>> enough) {
    long end = System.currentTimeMillis() + waitMillis(sc);
    List<Executor> now = registered(sc);
    while (!enough.test(now) && System.currentTimeMillis() < end) {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      now = registered(sc);
    }
    return now;
  }

  /**
   * Spark's {@code spark.scheduler.maxRegisteredResourcesWaitingTime}: "maximum amount of time to
   * wait for resources to register before scheduling begins", the same question asked here.
   */
  public static long waitMillis(SparkContext sc) {
    return sc.getConf()
        .getTimeAsMs("spark.scheduler.maxRegisteredResourcesWaitingTime", DEFAULT_WAIT_MS + "ms");
  }

  private static int compareIds(String a, String b) {
    boolean na = a.chars().allMatch(Character::isDigit),
        nb = b.chars().allMatch(Character::isDigit);
    if (na && nb && !a.isEmpty() && !b.isEmpty())
      return Long.compare(Long.parseLong(a), Long.parseLong(b));
    return a.compareTo(b);
  }
}
