package org.lmforge.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.lmforge.pipeline.TestSessions;
import org.lmforge.pipeline.train.EuroparlTokens;

/**
 * Token shards made as a user makes them, for the cluster tests and benchmarks: the first {@code
 * debates} Europarl debates as a clean corpus ({@code dir/clean}), then {@code pipeline tokenize}
 * on local[2] ({@code dir/tokens}).
 */
public final class CommandTokens {
  private CommandTokens() {}

  /** The shards' file: URI; a 512-id BPE, 2 partitions, 10% validation. */
  static String write(Path dir, String appName, int debates) {
    return write(
        dir,
        appName,
        debates,
        "tokenize.tokenizer.vocabSize=512",
        "tokenize.partitions=2",
        "tokenize.validationFraction=0.1");
  }

  /** The shards' file: URI, tokenized with these {@code --conf} settings. */
  public static String write(Path dir, String appName, int debates, String... settings) {
    String clean;
    try (SparkSession spark = TestSessions.local(appName)) {
      clean = EuroparlTokens.writeClean(spark, dir, debates);
    }
    String tokens = dir.resolve("tokens").toUri().toString();
    List<String> args =
        new ArrayList<>(
            List.of("tokenize", "--master", "local[2]", "--input", clean, "--output", tokens));
    for (String s : settings) {
      args.add("--conf");
      args.add(s);
    }
    assertEquals(0, Main.run(args.toArray(String[]::new)), "tokenize failed");
    return tokens;
  }
}
