package org.lmforge.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.ExecutorLostFailure;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.scheduler.TaskInfo;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.pipeline.train.PretrainRun;

/**
 * The pretrain job submitted to a real standalone cluster on 127.0.0.1 (a master and two one-core
 * workers, separate JVMs), with one executor JVM killed by SIGKILL while a training step's task
 * runs on it. Spark's listener events show that task failing with its executor and its partition
 * re-run elsewhere; the job finishes, and its result equals the same run on local[2], since a lost
 * task's step is recomputed from the same weights and rows.
 */
class StandaloneClusterPretrainTest {
  @TempDir Path tmp;

  @Test
  void pretrainSurvivesAKilledExecutorOnALoopbackCluster() throws Exception {
    SparkSession.getDefaultSession()
        .foreach(
            s -> {
              s.stop();
              return null;
            });
    String tokens = CommandTokens.write(tmp, "cluster-test-data", 200);
    // 30 steps, a checkpoint every 5: the kill lands mid-run
    TinyPretrainCommand pretrain = new TinyPretrainCommand(tokens, 32, 30, 3, 2048, 5, 1);

    String local = tmp.resolve("local-run").toUri().toString();
    assertEquals(0, Main.run(pretrain.args("local[2]", local)));

    Path clusterRun = tmp.resolve("cluster-run");
    Map<String, String> props = new HashMap<>(LoopbackCluster.driverProperties(2, "1g"));
    props.put("spark.ui.enabled", "false");
    props.forEach(System::setProperty);
    StepTaskListener events = new StepTaskListener();
    AtomicReference<Kill> kill = new AtomicReference<>();
    try (LoopbackCluster cluster = LoopbackCluster.start(tmp.resolve("cluster"), 2, 1, "1536m")) {
      Path ckpt = clusterRun.resolve("checkpoints").resolve(PretrainRun.CHECKPOINT);
      Thread killer =
          new Thread(
              () -> {
                try {
                  // Mid-run: once the first checkpoint is written, the job's session is the default
                  // one.
                  while (!Files.exists(ckpt)) Thread.sleep(20);
                  SparkContext sc = SparkSession.getDefaultSession().get().sparkContext();
                  sc.addSparkListener(events);
                  kill.set(killWhileAStepTaskRuns(events, sc.applicationId()));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      killer.start();
      int rc = Main.run(pretrain.args(cluster.masterUrl(), clusterRun.toUri().toString()));
      killer.interrupt(); // training is over: stop waiting for step tasks
      killer.join(10_000);
      assertEquals(0, rc);
    } finally {
      props.keySet().forEach(System::clearProperty);
    }

    // The kill landed on a running step task: that task failed because its executor was lost ...
    Kill k = kill.get();
    assertNotNull(k, "no executor JVM was killed while a step task ran on it");
    assertFalse(k.jvm().isAlive());
    TaskInfo lost = k.task().taskInfo();
    String where =
        "task "
            + lost.taskId()
            + " (stage "
            + k.task().stageId()
            + ", partition "
            + lost.partitionId()
            + ") on executor "
            + lost.executorId()
            + ", whose JVM was killed";
    SparkListenerTaskEnd end = events.taskEnds.get(lost.taskId());
    assertNotNull(end, where + ": no task end event");
    assertTrue(
        end.reason() instanceof ExecutorLostFailure,
        where
            + ", ended "
            + end.reason()
            + " instead of failing with ExecutorLostFailure: the kill did not land while it ran");
    assertEquals(lost.executorId(), ((ExecutorLostFailure) end.reason()).execId());
    assertTrue(
        events.removedExecutors.containsKey(lost.executorId()),
        "Spark removed executor " + lost.executorId() + "; removed: " + events.removedExecutors);
    // ... and Spark ran that partition of that stage again, elsewhere, successfully.
    List<TaskInfo> reruns =
        events.taskEnds.values().stream()
            .filter(
                e ->
                    e.stageId() == k.task().stageId()
                        && e.taskInfo().partitionId() == lost.partitionId()
                        && e.taskInfo().successful())
            .map(SparkListenerTaskEnd::taskInfo)
            .toList();
    assertEquals(1, reruns.size(), where + ": successful attempts of its partition " + reruns);
    assertTrue(
        reruns.get(0).attemptNumber() > lost.attemptNumber(), "a later attempt: " + reruns.get(0));
    assertNotEquals(lost.executorId(), reruns.get(0).executorId());

    // The step's result does not depend on the executor that computed it: the run ends where
    // local[2] ends.
    JsonNode cluster = new ObjectMapper().readTree(clusterRun.resolve("summary.json").toFile());
    JsonNode reference =
        new ObjectMapper().readTree(tmp.resolve("local-run").resolve("summary.json").toFile());
    assertEquals(30, cluster.get("steps").asLong());
    assertEquals(
        reference.get("finalValLoss").asDouble(),
        cluster.get("finalValLoss").asDouble(),
        1e-4,
        "the interrupted cluster run ends where the uninterrupted local run ends");
    List<Double> losses = new ArrayList<>();
    for (String l : Files.readAllLines(clusterRun.resolve("metrics.jsonl"))) {
      JsonNode n = new ObjectMapper().readTree(l);
      if (n.path("kind").asText().equals("train")) losses.add(n.path("loss").asDouble());
    }
    assertEquals(30, losses.size());
    assertTrue(
        losses.get(29) < losses.get(0) - 0.5,
        "loss decreased: " + losses.get(0) + " -> " + losses.get(29));
    assertTrue(Files.exists(clusterRun.resolve("checkpoints").resolve(PretrainRun.CHECKPOINT)));
  }

  /** A killed executor JVM and the step task that was running on it. */
  private record Kill(ProcessHandle jvm, SparkListenerTaskStart task) {}

  /**
   * Waits for a step task to start on an executor, freezes that executor's JVM (SIGSTOP) so the
   * task cannot finish between our seeing it start and the kill, and kills the JVM (SIGKILL) if the
   * task has not ended by then. A task whose result left before the freeze has ended a moment
   * later: the JVM is thawed and the next step task is tried. Null if training ends first.
   */
  private static Kill killWhileAStepTaskRuns(StepTaskListener events, String app)
      throws InterruptedException, IOException {
    Map<String, ProcessHandle> jvms =
        LoopbackCluster.executors(app); // looked up ahead: the kill must be quick
    while (true) {
      SparkListenerTaskStart start = events.stepTaskStarts.take();
      TaskInfo t = start.taskInfo();
      if (events.taskEnds.containsKey(t.taskId())) continue; // seen too late
      if (!jvms.containsKey(t.executorId()))
        jvms = LoopbackCluster.executors(app); // a new executor
      ProcessHandle jvm = jvms.get(t.executorId());
      if (jvm == null) continue;
      signal(jvm, "STOP");
      // A result sent before the freeze reaches the driver's listener within this pause (even on a
      // loaded
      // machine: it takes milliseconds idle); a frozen JVM sends none.
      Thread.sleep(2000);
      if (events.taskEnds.containsKey(t.taskId())) {
        System.out.println(
            "task " + t.taskId() + " ended before its executor froze; thawed, trying the next one");
        signal(jvm, "CONT");
        events.stepTaskStarts.clear();
        continue;
      }
      jvm.destroyForcibly(); // SIGKILL, as kill -9
      System.out.println(
          "killed executor "
              + t.executorId()
              + " (pid "
              + jvm.pid()
              + ") while task "
              + t.taskId()
              + " of stage "
              + start.stageId()
              + " ran on it");
      return new Kill(jvm, start);
    }
  }

  /**
   * Java can send only SIGTERM and SIGKILL; the shell's builtin kill the rest (/bin/kill is not in
   * every image).
   */
  private static void signal(ProcessHandle p, String signal)
      throws IOException, InterruptedException {
    Process kill =
        new ProcessBuilder("sh", "-c", "kill -" + signal + " " + p.pid()).inheritIO().start();
    assertEquals(0, kill.waitFor(), "kill -" + signal + " " + p.pid());
  }
}
