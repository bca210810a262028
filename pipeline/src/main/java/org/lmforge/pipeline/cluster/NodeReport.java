package org.lmforge.pipeline.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.lmforge.config.Records;
import org.lmforge.model.train.SgemmRate;

/**
 * What one JVM of the application (the driver, or an executor inside a task) runs on: Java, Spark
 * and ND4J, the backend ND4J loaded and its BLAS, CUDA devices, the GPUs Spark assigned, and a
 * measured sgemm rate. A native load that fails is reported ({@link #nd4jError}), not thrown, so
 * that one broken executor does not hide the others.
 *
 * @param node "driver" or "executor ID"
 * @param backend ND4J's backend name, CPU or CUDA (null when ND4J did not load)
 * @param devices CUDA devices ND4J sees (name, memory); empty on the CPU backend
 * @param taskGpus GPU addresses Spark assigned the task that wrote this report (empty on the
 *     driver)
 * @param executorGpus all GPU addresses of this executor, from the driver's status store (filled in
 *     by the driver)
 * @param sgemmGflops measured fp32 matrix multiply rate, GFLOP/s ({@link #SGEMM_N}³, best round,
 *     best of {@link #SGEMM_REPS}, see {@code model/…/train/SgemmRate})
 * @param nd4jError why ND4J failed to load here; null when it loaded
 */
public record NodeReport(
    String node,
    String host,
    long pid,
    String java,
    String spark,
    String nd4j,
    String backend,
    String backendClass,
    String blas,
    String blasThreads,
    String ompThreads,
    List<String> devices,
    List<String> taskGpus,
    List<String> executorGpus,
    double sgemmGflops,
    String nd4jError)
    implements Serializable {
  static final int SGEMM_N = 1024;
  static final int SGEMM_REPS = 10;

  /**
   * Tests only: makes this JVM report another backend name than the one ND4J loaded, so that the
   * driver's mismatch check can be exercised on a machine that has only the CPU backend.
   */
  public static final String PRETEND_BACKEND = "lmforge.doctor.pretendBackend";

  /** The report of the calling JVM; {@code node} names it. */
  public static NodeReport here(String node) {
    String java =
        System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vm.name")
            + ", "
            + System.getProperty("java.vendor")
            + ")";
    List<String> taskGpus = new ArrayList<>();
    TaskContext tc = TaskContext.get();
    if (tc != null) {
      ResourceInformation gpu = tc.resourcesJMap().get("gpu");
      if (gpu != null) taskGpus.addAll(List.of(gpu.addresses()));
    }
    // What this JVM is, whether or not ND4J loads here.
    NodeReport jvm =
        new NodeReport(
            node,
            hostName(),
            ProcessHandle.current().pid(),
            java,
            sparkVersion(),
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            taskGpus,
            List.of(),
            Double.NaN,
            null);
    try {
      String backend = System.getProperty(PRETEND_BACKEND, Nd4jInfo.backend());
      return Records.with(
          jvm,
          "nd4j",
          Nd4jInfo.version(),
          "backend",
          backend,
          "backendClass",
          Nd4jInfo.backendClass(),
          "blas",
          Nd4jInfo.blasVendor(),
          "blasThreads",
          Nd4jInfo.blasThreads(),
          "ompThreads",
          Nd4jInfo.ompThreads(),
          "devices",
          Nd4jInfo.devices(),
          "sgemmGflops",
          SgemmRate.gflops(SGEMM_N, SGEMM_REPS));
    } catch (
        Throwable
            e) { // ExceptionInInitializerError, UnsatisfiedLinkError, NoClassDefFoundError ...
      return Records.with(jvm, "nd4jError", rootCause(e));
    }
  }

  /** The same report with the executor's GPU addresses as the driver knows them. */
  NodeReport withExecutorGpus(List<String> gpus) {
    return Records.with(this, "executorGpus", List.copyOf(gpus));
  }

  /**
   * Spark's version from the build info spark-core carries (its {@code SPARK_VERSION} is not
   * reachable from Java).
   */
  static String sparkVersion() {
    try (InputStream in = TaskContext.class.getResourceAsStream("/spark-version-info.properties")) {
      if (in == null) return "unknown";
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return ManagementFactory.getRuntimeMXBean().getName();
    }
  }

  /**
   * The outermost error's type and the innermost cause, which is the one that names the missing
   * library.
   */
  private static String rootCause(Throwable e) {
    Throwable root = e;
    for (int i = 0; root.getCause() != null && root.getCause() != root && i < 12; i++)
      root = root.getCause();
    return root == e ? e.toString() : e.getClass().getSimpleName() + " caused by " + root;
  }
}
