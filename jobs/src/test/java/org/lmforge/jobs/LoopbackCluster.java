package org.lmforge.jobs;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Spark standalone cluster on 127.0.0.1: one Master and N Workers, each its own JVM, started
 * the way {@code spark-class} starts them ({@code java -cp <spark jars>
 * org.apache.spark.deploy.master.Master}), from the Spark jars the build already has (the test
 * classpath) instead of a downloaded distribution. Workers launch executor JVMs through Spark's own
 * command builder, which wants a SPARK_HOME with a {@code jars/} directory: an empty one here, the
 * jars come through {@code spark.executor.extraClassPath}.
 */
public final class LoopbackCluster implements AutoCloseable {
  private final List<Process> processes = new ArrayList<>();
  private final String masterUrl;
  private final int masterUi;

  private LoopbackCluster(String masterUrl, int masterUi) {
    this.masterUrl = masterUrl;
    this.masterUi = masterUi;
  }

  public static LoopbackCluster start(
      Path dir, int workers, int coresPerWorker, String workerMemory) throws Exception {
    return start(dir, workers, coresPerWorker, workerMemory, Map.of());
  }

  /**
   * @param workerProperties system properties of each worker JVM, as {@code SPARK_WORKER_OPTS}
   *     would pass them (e.g. spark.worker.resource.gpu.amount and its discovery script)
   */
  public static LoopbackCluster start(
      Path dir,
      int workers,
      int coresPerWorker,
      String workerMemory,
      Map<String, String> workerProperties)
      throws Exception {
    Path sparkHome = Files.createDirectories(dir.resolve("spark-home"));
    Files.createDirectories(sparkHome.resolve("jars"));
    int port = freePort();
    int ui = freePort();
    LoopbackCluster c = new LoopbackCluster("spark://127.0.0.1:" + port, ui);
    try {
      c.launch(
          dir,
          sparkHome,
          "master",
          List.of(),
          "org.apache.spark.deploy.master.Master",
          "--host",
          "127.0.0.1",
          "--port",
          String.valueOf(port),
          "--webui-port",
          String.valueOf(ui));
      List<String> props =
          workerProperties.entrySet().stream()
              .map(e -> "-D" + e.getKey() + "=" + e.getValue())
              .toList();
      for (int i = 0; i < workers; i++) {
        c.launch(
            dir,
            sparkHome,
            "worker" + i,
            props,
            "org.apache.spark.deploy.worker.Worker",
            "--host",
            "127.0.0.1",
            "--cores",
            String.valueOf(coresPerWorker),
            "--memory",
            workerMemory,
            "--webui-port",
            String.valueOf(freePort()),
            "--work-dir",
            Files.createDirectories(dir.resolve("work" + i)).toString(),
            c.masterUrl);
      }
      c.awaitWorkers(workers, 120_000);
      return c;
    } catch (Exception e) {
      c.close();
      throw e;
    }
  }

  public String masterUrl() {
    return masterUrl;
  }

  /**
   * The Spark settings a driver in this JVM needs to run on such a cluster: executors get this
   * JVM's classpath and the Java 17 flags, one core and one ND4J thread each, at most {@code
   * executors} of them; the driver listens on loopback. Callers add their own on top.
   */
  public static Map<String, String> driverProperties(int executors, String executorMemory)
      throws IOException {
    return Map.of(
        "spark.executor.extraClassPath",
        classpath(),
        "spark.executor.extraJavaOptions",
        jvmOpens(),
        "spark.executor.memory",
        executorMemory,
        "spark.executor.cores",
        "1",
        "spark.cores.max",
        String.valueOf(executors),
        "spark.executorEnv.OMP_NUM_THREADS",
        "1",
        "spark.driver.host",
        "127.0.0.1",
        "spark.driver.bindAddress",
        "127.0.0.1");
  }

  /** The classpath of this test JVM, which holds Spark, our modules and their dependencies. */
  public static String classpath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /**
   * The JVM flags Spark and ND4J need on Java 17, from conf/jvm.properties (the one list of them).
   */
  public static String jvmOpens() throws IOException {
    Path root = Path.of(System.getProperty("project.root", "."));
    Path props = root.resolve("conf/jvm.properties");
    if (!Files.exists(props))
      props = root.resolve("../conf/jvm.properties"); // run from a module directory
    for (String line : Files.readAllLines(props)) {
      if (line.startsWith("jvm.opens=")) return line.substring("jvm.opens=".length()).trim();
    }
    throw new IllegalStateException("no jvm.opens in " + props);
  }

  private void launch(
      Path dir,
      Path sparkHome,
      String name,
      List<String> jvmProps,
      String mainClass,
      String... args)
      throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(List.of(jvmOpens().split("\\s+")));
    cmd.addAll(jvmProps);
    cmd.addAll(List.of("-Xmx512m", "-cp", classpath(), mainClass));
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".log").toFile());
    Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_SCALA_VERSION", "2.12");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    processes.add(pb.start());
  }

  /** Polls the master's JSON status page until {@code n} workers are ALIVE. */
  private void awaitWorkers(int n, long timeoutMs) throws Exception {
    long end = System.currentTimeMillis() + timeoutMs;
    Pattern alive = Pattern.compile("\"state\"\\s*:\\s*\"ALIVE\"");
    while (System.currentTimeMillis() < end) {
      for (Process p : processes) {
        if (!p.isAlive())
          throw new IllegalStateException("a cluster JVM exited with " + p.exitValue());
      }
      try {
        HttpURLConnection c =
            (HttpURLConnection) new URL("http://127.0.0.1:" + masterUi + "/json/").openConnection();
        c.setConnectTimeout(1000);
        String body = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher m = alive.matcher(body);
        int count = 0;
        while (m.find()) count++;
        if (count >= n) return;
      } catch (IOException notYet) {
        // master UI not up yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        n + " workers did not register with " + masterUrl + " in " + timeoutMs + " ms");
  }

  /**
   * Executor JVMs (CoarseGrainedExecutorBackend) of the given application by Spark's executor id,
   * found through /proc/PID/cmdline (NUL-separated arguments; ProcessHandle.Info#commandLine gives
   * up on command lines as long as these classpaths).
   */
  public static Map<String, ProcessHandle> executors(String appId) {
    Map<String, ProcessHandle> out = new java.util.TreeMap<>();
    ProcessHandle.allProcesses()
        .forEach(
            p -> {
              try {
                List<String> args =
                    List.of(
                        new String(
                                Files.readAllBytes(
                                    Path.of("/proc", String.valueOf(p.pid()), "cmdline")),
                                StandardCharsets.UTF_8)
                            .split("\0"));
                int id = args.indexOf("--executor-id");
                if (args.contains("org.apache.spark.executor.CoarseGrainedExecutorBackend")
                    && id >= 0
                    && args.stream().anyMatch(a -> a.contains(appId))) {
                  out.put(args.get(id + 1), p);
                }
              } catch (IOException | RuntimeException gone) {
                // exited while we looked
              }
            });
    return out;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    for (Process p : processes) p.destroy(); // SIGTERM: workers kill their executors on the way out
    for (Process p : processes) {
      try {
        if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly();
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
