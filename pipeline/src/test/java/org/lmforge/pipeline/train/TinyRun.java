package org.lmforge.pipeline.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.lmforge.config.Records;
import org.lmforge.dataprep.sample.EuroparlCorpus;
import org.lmforge.model.train.BatchSampler;
import org.lmforge.model.train.Optim;
import org.lmforge.pipeline.job.Progress;

/**
 * One tiny pretrain run for the generate and eval tests, trained once per test JVM: the first 150
 * Europarl debates through the tokenize job ({@link EuroparlTokens}: 320-id BPE, 20% validation),
 * then 30 data-parallel steps of a 1-layer, d=16, context-16 GPT on local[2].
 *
 * @param dir scratch directory (deleted when the JVM exits)
 * @param run the run directory (file: URI)
 * @param tokens the token directory (file: URI)
 * @param summary the run's summary.json
 */
public record TinyRun(Path dir, String run, String tokens, JsonNode summary) {
  public static final int CONTEXT = TinyPretrain.MODEL.contextLength();

  /**
   * An English debate the run never saw (the corpus file's 175th; the run trained on the first
   * 150).
   */
  public static final int HELD_OUT_DEBATE = 174;

  private static TinyRun instance;

  public static synchronized TinyRun get(SparkSession spark) throws IOException {
    if (instance == null) {
      Path dir = Files.createTempDirectory("tiny-run");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
      String tokens = EuroparlTokens.write(spark, dir, 150).uri();
      String run = dir.resolve("run").toUri().toString();
      PretrainConfig cfg =
          Records.with(
              TinyPretrain.config(tokens, run),
              "optim",
              new Optim(4, 1, 30, 1e-2, 1e-3, 3, 0.9, 0.99, 0.1, 1.0, 7, BatchSampler.Mode.RANDOM),
              "replicas",
              2,
              "evalTokens",
              1024,
              "logInterval",
              10,
              "checkpointInterval",
              10);
      PretrainRun.run(spark, cfg, Progress.quiet());
      instance =
          new TinyRun(
              dir,
              run,
              tokens,
              new ObjectMapper().readTree(dir.resolve("run/summary.json").toFile()));
    }
    return instance;
  }

  /** The held-out English debate's text. */
  public static String heldOutText() {
    return EuroparlCorpus.read(HELD_OUT_DEBATE + 1).get(HELD_OUT_DEBATE).body();
  }

  /** Writes text to a file in the scratch directory; returns its path. */
  public String write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text).toString();
  }

  private static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // scratch space of a finished JVM
    }
  }
}
