package org.lmforge.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.lmforge.pipeline.TestSessions;
import org.lmforge.pipeline.train.EuroparlTokens;

/**
 * Token shards made as a user makes them, for the cluster tests: the first {@code debates} Europarl
 * debates as a clean corpus ({@code dir/clean}), then {@code pipeline tokenize} on local[2] ({@code
 * dir/tokens}: a 512-id BPE, 2 partitions, 10% validation).
 */
final class CommandTokens {
  private CommandTokens() {}

  /** The shards' file: URI. */
  static String write(Path dir, String appName, int debates) {
    String clean;
    try (SparkSession spark = TestSessions.local(appName)) {
      clean = EuroparlTokens.writeClean(spark, dir, debates);
    }
    String tokens = dir.resolve("tokens").toUri().toString();
    assertEquals(
        0,
        Main.run(
            "tokenize",
            "--master",
            "local[2]",
            "--input",
            clean,
            "--output",
            tokens,
            "--conf",
            "tokenize.tokenizer.vocabSize=512",
            "--conf",
            "tokenize.partitions=2",
            "--conf",
            "tokenize.validationFraction=0.1"));
    return tokens;
  }
}
