package org.lmforge.pipeline.eval;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.lmforge.dataprep.tokenize.BpeTokenizer;
import org.lmforge.model.eval.EvalResult;
import org.lmforge.model.eval.Evaluator;
import org.lmforge.model.train.IntArrayTokenStream;
import org.lmforge.pipeline.job.ConfiguredJob;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.job.UserError;
import org.lmforge.pipeline.train.RunCheckpoint;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@code pipeline eval}: loss (nats/token), perplexity and bits per byte of a held-out input under
 * a run's tokenizer and model, scored exactly as the pretrain job scores its validation split
 * ({@link Evaluator}: consecutive windows of contextLength + 1 tokens from the start, each
 * predicting its last contextLength, in the run's batch size and float32), so the run's own {@code
 * tokens/validation} gives its {@code finalValLoss}. Bits per byte = (loss · tokens scored) / (ln 2
 * · UTF-8 bytes of the tokens scored).
 *
 * <p>Refused, with the figures: an input that encodes to fewer than contextLength + 1 tokens, and
 * (unless {@code force}) one the run's tokenizer covers poorly ({@link TokenizerCoverage}). Spark
 * is needed only to read Parquet ({@link #needsSpark} after {@link #check}); otherwise {@link #run}
 * takes a null session.
 */
public final class EvalJob extends ConfiguredJob<EvalConfig, EvalJob.Result> {
  /**
   * Validation tokens read for the reference coverage: plenty for a share, bounded for a big split.
   */
  static final long REFERENCE_TOKENS = 1 << 20;

  private Configuration hadoop;
  private RunCheckpoint run;
  private EvalInput.Kind kind;

  /**
   * @param tokens tokens scored (windows × contextLength)
   * @param windows windows of contextLength + 1 tokens
   * @param bytes UTF-8 bytes of the scored tokens
   * @param inputTokens tokens read from the input (document separators included)
   * @param coverage the input's tokenizer coverage; {@code reference}: the run's validation split's
   * @param forced true when the coverage rule refused it and {@code force} overrode
   */
  public record Result(
      String input,
      String kind,
      double loss,
      double perplexity,
      double bitsPerByte,
      long tokens,
      long windows,
      long bytes,
      long inputTokens,
      TokenizerCoverage coverage,
      TokenizerCoverage reference,
      boolean forced) {}

  public EvalJob(EvalConfig cfg) {
    super("eval", cfg);
  }

  @Override
  public void check(Configuration conf) throws IOException {
    hadoop = conf;
    run = RunCheckpoint.open(cfg.run(), cfg.tokens(), conf);
    kind = EvalInput.kindOf(cfg.input(), conf);
  }

  /** True when the input is Parquet, which is read on Spark; known after {@link #check}. */
  @Override
  public boolean needsSpark() {
    return kind == EvalInput.Kind.PARQUET;
  }

  @Override
  public Result run(SparkSession spark, Progress progress) throws IOException {
    if (run == null)
      check(spark != null ? spark.sparkContext().hadoopConfiguration() : new Configuration());
    if (needsSpark() && spark == null)
      throw new IllegalStateException("a Parquet input needs a Spark session");
    progress.line(run.describe());
    long maxTokens =
        cfg.maxTokens() == null
            ? run.evalTokens()
            : cfg.maxTokens() == EvalConfig.ALL ? Long.MAX_VALUE : cfg.maxTokens();
    int[] t = readInput(spark, maxTokens, progress);
    TokenizerCoverage coverage = TokenizerCoverage.of(t, 0, t.length, run.tokenizer());
    TokenizerCoverage reference = referenceCoverage();
    progress.line("tokenizer coverage: " + coverage.against(reference));
    boolean forced = !coverage.fits(reference);
    if (forced) {
      String why =
          "--input "
              + cfg.input()
              + " is mostly text the run's tokenizer never learnt: "
              + coverage.against(reference)
              + "; that is below half the validation split's share (the rule in "
              + "docs/generate-eval.md)";
      if (!cfg.force())
        throw new UserError(why + ": evaluate text like the training corpus, or pass --force");
      progress.line("warning (--force): " + why);
    }
    return score(t, maxTokens, coverage, reference, forced, progress);
  }

  /**
   * The input's tokens, at least enough for the windows maxTokens asks for; too few for one window
   * is refused.
   */
  private int[] readInput(SparkSession spark, long maxTokens, Progress progress)
      throws IOException {
    int ctx = run.config().contextLength();
    // the Evaluator's windows: max(1, maxTokens / ctx) of them, of ctx + 1 tokens each, overlapping
    // by one
    long limit =
        maxTokens / ctx >= Integer.MAX_VALUE / ctx
            ? Long.MAX_VALUE
            : Math.max(1, maxTokens / ctx) * ctx + 1;
    BpeTokenizer tok = run.tokenizer();
    EvalInput in = EvalInput.read(cfg.input(), kind, tok, limit, hadoop, spark);
    int[] t = in.tokens();
    if (t.length < ctx + 1) {
      throw UserError.of(
          "--input "
              + cfg.input()
              + " encodes to "
              + t.length
              + " tokens (<|endoftext|> before each "
              + "document included)",
          "with the run's tokenizer",
          "evaluating needs at least contextLength + 1 = " + (ctx + 1) + ": give a longer text");
    }
    long documents = Arrays.stream(t).filter(id -> id == tok.endOfTextId()).count();
    String cut =
        in.complete()
            ? ""
            : cfg.maxTokens() == null
                ? String.format(
                    Locale.ROOT,
                    " (its start: --max-tokens defaults to the run's evalTokens, %,d; 0 = all)",
                    maxTokens)
                : String.format(Locale.ROOT, " (its start: --max-tokens %,d)", maxTokens);
    progress.printf(
        "input %s: %s, %,d document%s, %,d tokens read%s",
        in.where(), kind.label, documents, documents == 1 ? "" : "s", t.length, cut);
    return t;
  }

  /**
   * The pretrain job's evaluation of the tokens, and bits per byte from the bytes of the tokens it
   * scored.
   */
  private Result score(
      int[] t,
      long maxTokens,
      TokenizerCoverage coverage,
      TokenizerCoverage reference,
      boolean forced,
      Progress progress) {
    BpeTokenizer tok = run.tokenizer();
    int ctx = run.config().contextLength();
    Evaluator ev =
        new Evaluator(
            new IntArrayTokenStream(t, tok.vocabSize(), Double.NaN),
            ctx,
            run.batchSize(),
            maxTokens);
    EvalResult r = ev.evaluate(run.model(DataType.FLOAT));
    long windows = r.tokens() / ctx;
    // window w predicts tokens w·ctx + 1 .. (w+1)·ctx: together tokens 1 .. windows·ctx
    long bytes = TokenizerCoverage.of(t, 1, (int) (windows * ctx + 1), tok).bytes();
    double bpb = r.loss() * r.tokens() / (Math.log(2) * bytes);
    progress.printf(
        "scored %,d tokens in %,d window%s of %d+1 (%,d bytes)",
        r.tokens(), windows, windows == 1 ? "" : "s", ctx, bytes);
    progress.printf(
        "loss %.4f nats/token, perplexity %.2f, %.4f bits/byte", r.loss(), r.perplexity(), bpb);
    return new Result(
        cfg.input(),
        kind.name().toLowerCase(Locale.ROOT),
        r.loss(),
        r.perplexity(),
        bpb,
        r.tokens(),
        windows,
        bytes,
        t.length,
        coverage,
        reference,
        forced);
  }

  /** The coverage of the run's validation split (its first {@link #REFERENCE_TOKENS} tokens). */
  private TokenizerCoverage referenceCoverage() throws IOException {
    int[] v =
        EvalInput.read(
                run.tokens(),
                EvalInput.Kind.SHARDS,
                run.tokenizer(),
                REFERENCE_TOKENS,
                hadoop,
                null)
            .tokens();
    return TokenizerCoverage.of(v, 0, v.length, run.tokenizer());
  }
}
