package org.lmforge.jobs;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.lmforge.pipeline.Sessions;
import org.lmforge.pipeline.io.HadoopConf;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.tokens.TokenizeConfig;
import org.lmforge.pipeline.tokens.TokenizeInputs;
import org.lmforge.pipeline.tokens.TokenizeResult;
import org.lmforge.pipeline.tokens.TokenizeStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pipeline tokenize}: train or load a byte-level BPE tokenizer and write token shards. */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
    description = "Clean Parquet corpus to token shards (train/validation split) with a manifest.")
public final class TokenizeJob implements Callable<Integer> {
  @Mixin JobOptions job = new JobOptions();

  @Option(names = "--input", paramLabel = "PATH", description = "Clean corpus Parquet (repeatable); "
      + "replaces tokenize.input.")
  List<String> inputs = List.of();

  @Option(names = "--output", paramLabel = "DIR", description = "Replaces tokenize.output.") String output;

  @Option(names = "--overwrite") boolean overwrite;

  @Override
  public Integer call() throws Exception {
    TokenizeConfig c = ConfigBinder.bind(JobConfig.load("tokenize", job.configFile, job.overrides), "tokenize",
        TokenizeConfig.class);
    TokenizeConfig cfg = new TokenizeConfig(inputs.isEmpty() ? c.input() : inputs,
        output == null ? c.output() : output, overwrite || c.overwrite(), c.tokenizer(), c.validationFraction(),
        c.splitSeed(), c.shardTokens(), c.partitions(), c.textColumn(), c.idColumn(), c.languages());
    TokenizeInputs.check(cfg, HadoopConf.beforeSession());   // wrong-kind input or existing output: exit 2, no Spark
    try (SparkSession spark = Sessions.create("lmforge-tokenize", job.master())) {
      TokenizeResult r = TokenizeStage.run(spark, cfg, Progress.to(System.out));
      System.out.println(r);
      System.out.println("shards and manifest: " + cfg.output() + "/manifest.json");
    }
    return 0;
  }
}
