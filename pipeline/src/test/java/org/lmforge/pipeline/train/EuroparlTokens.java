package org.lmforge.pipeline.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lmforge.dataprep.sample.EuroparlCorpus;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.tokenize.TokenizeConfig;
import org.lmforge.pipeline.tokenize.TokenizeResult;
import org.lmforge.pipeline.tokenize.TokenizeStage;

/**
 * Token shards for the training tests: the first {@code docs} Europarl debates written as
 * clean-corpus Parquet ({@code dir/clean}) and run through the tokenize job ({@code dir/tokens}: a
 * 320-id BPE, 2 partitions, 20% validation).
 */
public final class EuroparlTokens {
  /** Where the shards are (a file: URI) and what the tokenize job reported. */
  public record Written(String uri, TokenizeResult result) {}

  private EuroparlTokens() {}

  public static Written write(SparkSession spark, Path dir, int docs) throws IOException {
    String clean = writeClean(spark, dir, docs);
    String tokens = dir.resolve("tokens").toUri().toString();
    TokenizeResult r =
        TokenizeStage.run(
            spark,
            TokenizeConfig.defaults(List.of(clean), tokens)
                .withTokenizer(
                    new TokenizeConfig.Tokenizer(
                        "train", "test-bpe", 320, List.of("<|endoftext|>"), 1.0, 2, ""))
                .withPartitions(2)
                .withSplit(0.2, 0),
            Progress.quiet());
    return new Written(tokens, r);
  }

  /**
   * The first {@code docs} debates as a clean corpus ({@code dir/clean}, Parquet with the columns
   * the tokenize job reads: id {@code doc-<i>} and text), for tests that tokenize it their own way;
   * its file: URI.
   */
  public static String writeClean(SparkSession spark, Path dir, int docs) {
    List<Row> rows = new ArrayList<>();
    int i = 0;
    for (EuroparlCorpus.Debate d : EuroparlCorpus.read(docs)) {
      rows.add(RowFactory.create("doc-" + i++, d.body()));
    }
    StructType schema =
        new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType);
    String clean = dir.resolve("clean").toUri().toString();
    spark.createDataFrame(rows, schema).write().parquet(clean);
    return clean;
  }
}
