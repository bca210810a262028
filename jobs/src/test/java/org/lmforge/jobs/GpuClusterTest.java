package org.lmforge.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.pipeline.cluster.DeviceBinder;
import org.lmforge.pipeline.cluster.NodeReport;

/**
 * GPU executors without a GPU: a real standalone cluster on 127.0.0.1 whose one worker (2 cores)
 * advertises two fake GPUs through a discovery script printing {@code
 * {"name":"gpu","addresses":["0","1"]}}, as Spark's resource scheduling reads it from nvidia-smi on
 * a real host. The pretrain job asks for one GPU per task; ND4J's CPU backend cannot bind a device,
 * so the driver names {@link RecordingDeviceBinder} in {@code -Dlmforge.deviceBinder}, which
 * records each bind call together with the address Spark gave the task. The doctor runs on the same
 * cluster and locally.
 */
class GpuClusterTest {
  static final int STEPS = 8;
  @TempDir static Path tmp;
  static String tokens;
  static Path discovery;
  static LoopbackCluster cluster;
  static List<Double> referenceLosses;

  @BeforeAll
  static void startCluster() throws Exception {
    SparkSession.getDefaultSession()
        .foreach(
            s -> {
              s.stop();
              return null;
            });
    tokens = CommandTokens.write(tmp, "gpu-test-data", 120);
    discovery = tmp.resolve("fake-gpus.sh");
    Files.writeString(
        discovery, "#!/bin/sh\necho '{\"name\":\"gpu\",\"addresses\":[\"0\",\"1\"]}'\n");
    Files.setPosixFilePermissions(discovery, PosixFilePermissions.fromString("rwxr-xr-x"));
    cluster =
        LoopbackCluster.start(
            tmp.resolve("cluster"),
            1,
            2,
            "3g",
            Map.of(
                "spark.worker.resource.gpu.amount",
                "2",
                "spark.worker.resource.gpu.discoveryScript",
                discovery.toString()));
    // the run without GPU resources, on the same cluster: the same executor size, 2 replica tasks
    // per step
    Path reference = tmp.resolve("cpu-run");
    assertEquals(
        0, withProperties(clusterProperties(), () -> Main.run(pretrainOnTheCluster(reference))));
    referenceLosses = losses(reference);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) cluster.close();
  }

  @Test
  void everyReplicaIsBoundToTheGpuSparkAssignedItAndTrainsAsWithoutGpus() throws Exception {
    Path log = tmp.resolve("binds.log");
    Path run = tmp.resolve("gpu-run");
    Map<String, String> props = gpuPropertiesRecordingBinds(log);
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    int rc =
        withProperties(
            props, () -> captureStdout(console, () -> Main.run(pretrainOnTheCluster(run))));
    assertEquals(0, rc, console.toString(StandardCharsets.UTF_8));
    assertTrue(
        console
            .toString(StandardCharsets.UTF_8)
            .contains(
                "devices: one GPU per replica, 2 replicas on 2 GPU "
                    + "slots on 1 executor (executor 0 on 127.0.0.1: GPUs 0,1, 2 cores)"),
        console.toString(StandardCharsets.UTF_8));

    // one bind per replica task per step, each for exactly the device Spark assigned that task
    Map<Integer, Map<Integer, String>> addressByStageAndReplica = new TreeMap<>();
    Set<String> pids = new HashSet<>();
    List<String> lines = Files.readAllLines(log);
    for (String line : lines) {
      String[] f = line.split(" ");
      String address = f[2];
      assertEquals(address, f[3], "the binder was asked for the device Spark assigned: " + line);
      assertTrue(Set.of("0", "1").contains(address), line);
      addressByStageAndReplica
          .computeIfAbsent(Integer.parseInt(f[0]), s -> new TreeMap<>())
          .put(Integer.parseInt(f[1]), address);
      pids.add(f[4]);
    }
    assertEquals(
        STEPS * 2, lines.size(), "every replica task of every step bound its thread: " + lines);
    assertEquals(STEPS, addressByStageAndReplica.size(), "one Spark stage per step");
    for (Map<Integer, String> step : addressByStageAndReplica.values()) {
      assertEquals(Set.of(0, 1), step.keySet());
      assertNotEquals(
          step.get(0), step.get(1), "two replicas of one step never share a GPU: " + step);
    }
    assertEquals(1, pids.size(), "both replicas ran in the one executor JVM, each on its own GPU");
    assertFalse(
        pids.contains(String.valueOf(ProcessHandle.current().pid())),
        "binding happened on the executor");

    assertEquals(referenceLosses, losses(run), "the same loss curve as without GPU resources");
  }

  @Test
  void moreReplicasThanGpuSlotsStopTheJobBeforeTraining() throws Exception {
    Map<String, String> props = gpuPropertiesRecordingBinds(tmp.resolve("unused.log"));
    props.put(
        "spark.scheduler.maxRegisteredResourcesWaitingTime",
        "20s"); // an executor starts in ~10 s here
    Path run = tmp.resolve("three-replicas");
    StringWriter err = new StringWriter();
    int rc =
        withProperties(
            props,
            () ->
                Main.run(
                    new PrintWriter(err, true),
                    pretrainOnTheCluster(run, "--conf", "pretrain.replicas=3")));
    assertEquals(2, rc, err.toString());
    assertTrue(
        err.toString()
            .contains("pretrain.replicas=3 needs 3 GPU slots, but 2 GPU slots on 1 executor"),
        err.toString());
    assertTrue(err.toString().contains("set pretrain.replicas to 2 or fewer"), err.toString());
    assertFalse(Files.exists(run), "nothing was written");
    assertFalse(Files.exists(tmp.resolve("unused.log")), "no replica started");
  }

  @Test
  void doctorRunsLocally() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int rc = captureStdout(out, () -> Main.run("doctor", "--master", "local[2]"));
    String s = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, rc, s);
    assertTrue(s.contains("driver ("), s);
    assertTrue(s.contains("executor driver ("), s);
    assertTrue(s.contains("  java     " + System.getProperty("java.version")), s);
    assertTrue(s.contains("  spark    3.5.7"), s);
    assertTrue(
        s.contains("  nd4j     1.0.0-M2.1, backend CPU (org.nd4j.linalg.cpu.nativecpu.CpuBackend)"),
        s);
    assertTrue(s.contains("  blas     OPENBLAS, "), s);
    assertTrue(s.contains("  devices  no CUDA devices (CPU backend)"), s);
    assertTrue(
        s.matches("(?s).*  sgemm    \\d+\\.\\d GFLOP/s \\(1024x1024x1024 fp32, best of 10\\).*"),
        s);
    assertTrue(s.contains("ok: the driver and 1 executor load ND4J's CPU backend"), s);
  }

  @Test
  void doctorOnTheClusterReportsTheExecutorAndTheGpusSparkAssigned() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int rc =
        withProperties(
            gpuProperties(),
            () -> captureStdout(out, () -> Main.run("doctor", "--master", cluster.masterUrl())));
    String s = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, rc, s);
    assertTrue(s.contains("1 executor registered"), s);
    assertTrue(s.contains("executor 0 ("), s);
    assertTrue(
        s.matches(
            "(?s).*  gpus     Spark assigned [01] to the probe task; this executor has 0,1.*"),
        s);
    assertEquals(
        2, s.split("  nd4j     1.0.0-M2.1, backend CPU").length - 1, "driver and executor: " + s);
    assertEquals(2, s.split("  sgemm    ").length - 1, s);
    assertTrue(
        s.contains(
            "warning: executor 0 (127.0.0.1) was given GPUs 0,1 but runs ND4J's CPU backend"),
        s);
    assertTrue(s.contains("ok: the driver and 1 executor load ND4J's CPU backend"), s);
  }

  /**
   * The mismatch is injected: the executor JVM reports CUDA while it loaded the CPU backend (see
   * NodeReport).
   */
  @Test
  void doctorFailsWhenAnExecutorRunsAnotherBackendThanTheDriver() throws Exception {
    Refused r = doctorRefuses(" -D" + NodeReport.PRETEND_BACKEND + "=CUDA");
    assertTrue(
        r.err()
            .contains(
                "error: executor 0 (127.0.0.1): ND4J backend CUDA differs from the driver's "
                    + "CPU; run the same application jar everywhere"),
        r.err());
    assertTrue(r.out().contains("problem: executor 0"), r.out());
  }

  /**
   * A real load failure: JavaCPP told to load linux-arm64 libraries, which the x86_64 jar does not
   * have.
   */
  @Test
  void doctorFailsWhenAnExecutorCannotLoadNd4jsNativeLibraries() throws Exception {
    Refused r = doctorRefuses(" -Dorg.bytedeco.javacpp.platform=linux-arm64");
    assertTrue(
        r.err().contains("error: executor 0 (127.0.0.1): ND4J's native libraries failed to load"),
        r.err());
    assertTrue(r.err().contains("UnsatisfiedLinkError"), r.err());
    assertTrue(r.out().contains("  nd4j     FAILED TO LOAD: "), r.out());
  }

  // ---- helpers

  /** What {@code doctor} wrote when it refused the cluster. */
  private record Refused(String err, String out) {}

  /**
   * {@code doctor} on the cluster, its executors started with these extra JVM options: refused
   * (exit code 2).
   */
  private static Refused doctorRefuses(String executorJavaOptions) throws java.io.IOException {
    Map<String, String> props = clusterProperties();
    props.put("spark.executor.extraJavaOptions", LoopbackCluster.jvmOpens() + executorJavaOptions);
    StringWriter err = new StringWriter();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int rc =
        withProperties(
            props,
            () ->
                captureStdout(
                    out,
                    () ->
                        Main.run(
                            new PrintWriter(err, true),
                            "doctor",
                            "--master",
                            cluster.masterUrl())));
    assertEquals(2, rc, out + "\n" + err);
    return new Refused(err.toString(), out.toString(StandardCharsets.UTF_8));
  }

  /** One executor with both cores and, with GPUs, both fake GPUs: one GPU per task. */
  private static Map<String, String> gpuProperties() {
    Map<String, String> p = clusterProperties();
    p.put("spark.executor.resource.gpu.amount", "2");
    p.put("spark.task.resource.gpu.amount", "1");
    return p;
  }

  /**
   * {@link #gpuProperties}, each replica's bind recorded by {@link RecordingDeviceBinder} in {@code
   * log}.
   */
  private static Map<String, String> gpuPropertiesRecordingBinds(Path log) {
    Map<String, String> p = gpuProperties();
    p.put(DeviceBinder.PROPERTY, RecordingDeviceBinder.class.getName());
    p.put(RecordingDeviceBinder.LOG, log.toString());
    return p;
  }

  private static Map<String, String> clusterProperties() {
    try {
      Map<String, String> p = new HashMap<>(LoopbackCluster.driverProperties(1, "1g"));
      p.put("spark.executor.cores", "2");
      p.put("spark.cores.max", "2");
      p.put("spark.ui.enabled", "false");
      return p;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static int withProperties(
      Map<String, String> props, java.util.function.IntSupplier body) {
    props.forEach(System::setProperty);
    try {
      return body.getAsInt();
    } finally {
      props.keySet().forEach(System::clearProperty);
    }
  }

  private static int captureStdout(
      ByteArrayOutputStream into, java.util.function.IntSupplier body) {
    PrintStream saved = System.out;
    System.setOut(new PrintStream(into, true, StandardCharsets.UTF_8));
    try {
      return body.getAsInt();
    } finally {
      System.setOut(saved);
    }
  }

  private static List<Double> losses(Path run) throws Exception {
    List<Double> out = new ArrayList<>();
    for (String l : Files.readAllLines(run.resolve("metrics.jsonl"))) {
      JsonNode n = new ObjectMapper().readTree(l);
      if (n.path("kind").asText().equals("train")) out.add(n.path("loss").asDouble());
    }
    assertEquals(STEPS, out.size());
    return out;
  }

  /** The tiny run on the cluster, written to {@code run}; {@code more}: further options. */
  private static String[] pretrainOnTheCluster(Path run, String... more) {
    return new TinyPretrainCommand(tokens, 32, STEPS, 2, 2048, 4, 1)
        .args(cluster.masterUrl(), run.toUri().toString(), more);
  }
}
