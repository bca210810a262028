package org.lmforge.bench.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lmforge.bench.BenchArgs;
import org.lmforge.bench.Periodic;
import org.lmforge.jobs.CommandTokens;
import org.lmforge.jobs.LoopbackCluster;
import org.lmforge.jobs.Main;

/**
 * Data-parallel pretraining throughput on a loopback standalone cluster: for each model size and
 * executor count K, a cluster of K one-core workers, the same global batch (K replicas ×
 * globalBatch/K sequences, so the maths is identical and so is the loss per token), the same number
 * of steps. Prints steady-state tokens/s (first step excluded), the per-step split compute / sync /
 * update, final validation loss and peak RSS of driver and executors.
 *
 * <pre>
 * bin/bench PretrainBench 10m 1,2 6 8 4
 * </pre>
 *
 * Arguments: sizes (1m, 10m, 30m), executor counts, steps, sequences of 256 tokens per micro-batch
 * over all replicas, micro-batches per step (gradient accumulation: more compute per
 * synchronisation).
 */
public final class PretrainBench {
  record Shape(String name, int layers, int heads, int d) {}

  static final Map<String, Shape> SHAPES =
      Map.of( // the MfuBench shapes
          "1m",
          new Shape("1m", 4, 4, 128),
          "10m",
          new Shape("10m", 6, 6, 384),
          "30m",
          new Shape("30m", 8, 8, 512));

  public static void main(String[] args) throws Exception {
    String[] sizes = BenchArgs.at(args, 0, "10m").split(",");
    String[] executors = BenchArgs.at(args, 1, "1,2").split(",");
    int steps = BenchArgs.intAt(args, 2, 12);
    int globalBatch = BenchArgs.intAt(args, 3, 8);
    int accum = BenchArgs.intAt(args, 4, 1);
    Path tmp = Files.createTempDirectory("pretrain-bench");
    String tokens = tokenize(tmp);
    List<String> rows = new ArrayList<>();
    for (String size : sizes) {
      Shape s = SHAPES.get(size);
      for (String e : executors) {
        int k = Integer.parseInt(e);
        rows.add(run(tmp, tokens, s, k, steps, globalBatch, accum));
      }
    }
    System.out.println();
    System.out.println(
        "| size | executors x cores | params (non-emb / total) | tokens/step | tokens/s | compute s/step "
            + "| sync s/step | update s/step | val loss after "
            + steps
            + " steps | peak RSS driver / executor |");
    System.out.println("|---|---|---|---:|---:|---:|---:|---:|---:|---|");
    rows.forEach(System.out::println);
  }

  static String run(Path tmp, String tokens, Shape s, int k, int steps, int globalBatch, int accum)
      throws Exception {
    Path out = tmp.resolve(s.name() + "-x" + k);
    Map<String, String> props = new HashMap<>(LoopbackCluster.driverProperties(k, "4g"));
    props.put("spark.driver.maxResultSize", "2g");
    props.forEach(System::setProperty);
    long[] executorPeak = {0};
    try (LoopbackCluster cluster =
        LoopbackCluster.start(tmp.resolve("cluster-" + s.name() + "-" + k), k, 1, "5g")) {
      Thread watcher =
          Periodic.start(
              500,
              () -> {
                for (ProcessHandle p : LoopbackCluster.executors("app-").values())
                  executorPeak[0] = Math.max(executorPeak[0], hwm(p.pid()));
              });
      int rc =
          Main.run(
              "pretrain",
              "--master",
              cluster.masterUrl(),
              "--tokens",
              tokens,
              "--output",
              out.toUri().toString(),
              "--conf",
              "pretrain.model.nLayer=" + s.layers(),
              "--conf",
              "pretrain.model.nHead=" + s.heads(),
              "--conf",
              "pretrain.model.dModel=" + s.d(),
              "--conf",
              "pretrain.model.contextLength=256",
              "--conf",
              "pretrain.optim.batchSize=" + globalBatch / k,
              "--conf",
              "pretrain.optim.gradAccum=" + accum,
              "--conf",
              "pretrain.optim.maxSteps=" + steps,
              "--conf",
              "pretrain.optim.warmupSteps=2",
              "--conf",
              "pretrain.optim.lr=1e-3",
              "--conf",
              "pretrain.optim.minLr=1e-4",
              "--conf",
              "pretrain.replicas=" + k,
              "--conf",
              "pretrain.evalInterval=0",
              "--conf",
              "pretrain.evalTokens=8192",
              "--conf",
              "pretrain.logInterval=1",
              "--conf",
              "pretrain.checkpointInterval=" + steps);
      watcher.interrupt();
      if (rc != 0) throw new IllegalStateException("pretrain exited with " + rc);
    } finally {
      props.keySet().forEach(System::clearProperty);
    }
    JsonNode sum = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    return String.format(
        "| %s | %d x 1 | %,d / %,d | %,d | %,.0f | %.3f | %.3f | %.3f | %.4f | %,d / %,d MiB |",
        s.name(),
        k,
        sum.get("params").asLong(),
        sum.get("paramsTotal").asLong(),
        sum.get("effectiveBatchTokens").asLong(),
        sum.get("tokensPerSecond").asDouble(),
        sum.get("computeSecondsPerStep").asDouble(),
        sum.get("syncSecondsPerStep").asDouble(),
        sum.get("updateSecondsPerStep").asDouble(),
        sum.get("finalValLoss").asDouble(),
        hwm(ProcessHandle.current().pid()) >> 10,
        executorPeak[0] >> 10);
  }

  /** VmHWM (peak resident set) of a process in KiB, 0 if gone. */
  static long hwm(long pid) {
    try {
      for (String l : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (l.startsWith("VmHWM:")) return Long.parseLong(l.replaceAll("[^0-9]", ""));
      }
    } catch (Exception gone) {
      // exited between listing and reading
    }
    return 0;
  }

  /** All of Europarl through the tokenize job, 8k vocabulary. */
  static String tokenize(Path tmp) {
    return CommandTokens.write(
        tmp,
        "pretrain-bench-data",
        Integer.MAX_VALUE,
        "tokenize.tokenizer.vocabSize=8192",
        "tokenize.partitions=4");
  }
}
