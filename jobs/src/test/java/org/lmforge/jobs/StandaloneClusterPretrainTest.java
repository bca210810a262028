package org.lmforge.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.dataprep.sample.EuroparlCorpus;
import org.lmforge.pipeline.TestSessions;
import org.lmforge.pipeline.train.PretrainRun;

/**
 * The pretrain job submitted to a real standalone cluster on 127.0.0.1 (a master and two one-core workers,
 * separate JVMs), with one executor JVM killed by SIGKILL mid-run: the job finishes, and its result equals
 * the same run on local[2], since a lost task's step is recomputed from the same weights and rows.
 */
class StandaloneClusterPretrainTest {
  @TempDir Path tmp;

  @Test
  void pretrainSurvivesAKilledExecutorOnALoopbackCluster() throws Exception {
    SparkSession.getDefaultSession().foreach(s -> { s.stop(); return null; });
    String tokens = tokenize();
    String[] common = {"--tokens", tokens, "--conf", "pretrain.model.nLayer=1", "--conf", "pretrain.model.nHead=2",
        "--conf", "pretrain.model.dModel=32", "--conf", "pretrain.model.contextLength=32",
        "--conf", "pretrain.optim.batchSize=4", "--conf", "pretrain.optim.maxSteps=30",
        "--conf", "pretrain.optim.warmupSteps=3", "--conf", "pretrain.replicas=2", "--conf", "pretrain.evalInterval=0",
        "--conf", "pretrain.evalTokens=2048", "--conf", "pretrain.checkpointInterval=5", "--conf", "pretrain.logInterval=1"};

    String local = tmp.resolve("local-run").toUri().toString();
    assertEquals(0, Main.run(concat(common, "--master", "local[2]", "--output", local)));

    Path clusterRun = tmp.resolve("cluster-run");
    Map<String, String> props = new HashMap<>(LoopbackCluster.driverProperties(2, "1g"));
    props.put("spark.ui.enabled", "false");
    props.put("spark.extraListeners", ExecutorLossListener.class.getName());
    props.forEach(System::setProperty);
    AtomicLong killed = new AtomicLong(-1);
    try (LoopbackCluster cluster = LoopbackCluster.start(tmp.resolve("cluster"), 2, 1, "1536m")) {
      Path ckpt = clusterRun.resolve("checkpoints").resolve(PretrainRun.CHECKPOINT);
      Thread killer = new Thread(() -> {
        try {
          while (!Files.exists(ckpt)) Thread.sleep(20);
          String app = SparkSession.getDefaultSession().get().sparkContext().applicationId();
          List<ProcessHandle> executors = LoopbackCluster.executors(app);
          if (!executors.isEmpty()) {
            killed.set(executors.get(0).pid());
            executors.get(0).destroyForcibly();   // SIGKILL, as kill -9
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      killer.start();
      int rc = Main.run(concat(common, "--master", cluster.masterUrl(), "--output", clusterRun.toUri().toString()));
      killer.join(10_000);
      assertEquals(0, rc);
    } finally {
      props.keySet().forEach(System::clearProperty);
    }

    assertTrue(killed.get() > 0, "an executor JVM of the job was found and killed");
    assertFalse(ProcessHandle.of(killed.get()).map(ProcessHandle::isAlive).orElse(false));
    assertTrue(ExecutorLossListener.EXECUTORS_REMOVED.get() >= 1, "Spark saw the executor go");
    JsonNode cluster = new ObjectMapper().readTree(clusterRun.resolve("summary.json").toFile());
    JsonNode reference = new ObjectMapper().readTree(tmp.resolve("local-run").resolve("summary.json").toFile());
    assertEquals(30, cluster.get("steps").asLong());
    assertEquals(reference.get("finalValLoss").asDouble(), cluster.get("finalValLoss").asDouble(), 1e-4,
        "the interrupted cluster run ends where the uninterrupted local run ends");
    List<Double> losses = new ArrayList<>();
    for (String l : Files.readAllLines(clusterRun.resolve("metrics.jsonl"))) {
      JsonNode n = new ObjectMapper().readTree(l);
      if (n.path("kind").asText().equals("train")) losses.add(n.path("loss").asDouble());
    }
    assertEquals(30, losses.size());
    assertTrue(losses.get(29) < losses.get(0) - 0.5, "loss decreased: " + losses.get(0) + " -> " + losses.get(29));
    assertTrue(Files.exists(clusterRun.resolve("checkpoints").resolve(PretrainRun.CHECKPOINT)));
  }

  private String tokenize() {
    String clean = tmp.resolve("clean").toUri().toString();
    String tokens = tmp.resolve("tokens").toUri().toString();
    try (SparkSession spark = TestSessions.local("cluster-test-data")) {
      List<Row> rows = new ArrayList<>();
      int i = 0;
      for (EuroparlCorpus.Debate d : EuroparlCorpus.read(200)) rows.add(RowFactory.create("doc-" + i++, d.body()));
      spark.createDataFrame(rows, new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType))
          .write().parquet(clean);
    }
    assertEquals(0, Main.run("tokenize", "--master", "local[2]", "--input", clean, "--output", tokens,
        "--conf", "tokenize.tokenizer.vocabSize=512", "--conf", "tokenize.partitions=2",
        "--conf", "tokenize.validationFraction=0.1"));
    return tokens;
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length + 1];
    out[0] = "pretrain";
    System.arraycopy(a, 0, out, 1, a.length);
    System.arraycopy(b, 0, out, 1 + a.length, b.length);
    return out;
  }
}
