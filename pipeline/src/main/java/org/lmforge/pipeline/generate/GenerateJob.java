package org.lmforge.pipeline.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.lmforge.dataprep.tokenize.BpeTokenizer;
import org.lmforge.model.generate.Generator;
import org.lmforge.pipeline.job.DriverJob;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.train.RunCheckpoint;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@code pipeline generate}: the prompt, preceded by {@code <|endoftext|>} as every training
 * document is, is encoded with the run's tokenizer and continued by the run's model until {@code
 * maxTokens} new tokens or the model's own {@code <|endoftext|>}. No Spark: the session passed to
 * {@link #run} may be null.
 *
 * <p>The model runs in float64 (trained in float32): the cached and uncached paths then agree to
 * ~1e-12 and pick the same tokens even where two candidates are within float32 rounding of each
 * other.
 */
public final class GenerateJob extends DriverJob<GenerateConfig, GenerateJob.Result> {
  private RunCheckpoint run;

  /**
   * @param text the decoded continuation (without the prompt and the final {@code <|endoftext|>})
   * @param promptTokens tokens of the prompt, the leading {@code <|endoftext|>} included
   * @param continuation the new token ids ({@code <|endoftext|>} excluded)
   * @param stopped true when the model ended the document itself
   * @param seconds wall time of the generation (model loading excluded)
   */
  public record Result(
      String text, int promptTokens, int[] continuation, boolean stopped, double seconds) {}

  public GenerateJob(GenerateConfig cfg) {
    super("generate", cfg);
  }

  @Override
  public void check(Configuration hadoop) throws IOException {
    run = RunCheckpoint.open(cfg.run(), cfg.tokens(), hadoop);
  }

  @Override
  public Result run(SparkSession spark, Progress progress) throws IOException {
    if (run == null)
      check(spark != null ? spark.sparkContext().hadoopConfiguration() : new Configuration());
    progress.line(run.describe());
    BpeTokenizer tok = run.tokenizer();
    int eot = tok.endOfTextId();
    int[] text = tok.encode(cfg.prompt().getBytes(StandardCharsets.UTF_8));
    int[] prompt = new int[text.length + 1];
    prompt[0] = eot;
    System.arraycopy(text, 0, prompt, 1, text.length);
    int ctx = run.config().contextLength();
    if (prompt.length > ctx) {
      progress.printf(
          "the prompt is %d tokens; the model reads the last %d (its context)", prompt.length, ctx);
    }
    Generator gen = new Generator(run.model(DataType.DOUBLE));
    long t0 = System.nanoTime();
    Generator.Generation g =
        gen.generate(prompt, cfg.maxTokens(), cfg.sampling(), cfg.seed(), cfg.kvCache(), eot);
    double s = (System.nanoTime() - t0) / 1e9;
    int[] cont = g.continuation();
    progress.printf(
        "%d prompt tokens + %d new%s in %.2f s (%.1f tokens/s); seed %d, %s, KV cache %s",
        prompt.length,
        g.newTokens(),
        g.stopped() ? " (ended with <|endoftext|>)" : "",
        s,
        g.newTokens() / s,
        cfg.seed(),
        cfg.describeSampling(),
        cfg.kvCache() ? "on" : "off");
    return new Result(tok.decode(cont), prompt.length, cont, g.stopped(), s);
  }
}
