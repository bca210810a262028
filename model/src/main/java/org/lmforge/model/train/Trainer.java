package org.lmforge.model.train;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import org.lmforge.model.checkpoint.Checkpoint;
import org.lmforge.model.checkpoint.CheckpointStore;
import org.lmforge.model.eval.EvalResult;
import org.lmforge.model.eval.Evaluator;
import org.lmforge.model.gpt.Gpt;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Next-token training with teacher forcing: AdamW, warmup + cosine, global-norm clipping, gradient
 * accumulation; deterministic on CPU for a given seed (data windows and dropout are derived from
 * (seed, sample row), never from a shared RNG).
 *
 * <p>For data parallelism the step splits into {@link #gradient} (loss + flat gradient of rows on one replica)
 * and {@link #applyUpdate} (clip + AdamW from a given, e.g. all-reduced, gradient), with parameters and
 * optimiser state reachable through {@link #model()} and {@link #optimizer()}.
 */
public final class Trainer {
  private final TrainConfig cfg;
  private final Gpt model;
  private final AdamW opt;
  private final BatchSampler sampler;         // null: no training stream (the driver of a data-parallel run)
  private final Evaluator evaluator;         // null: no validation stream
  private final CheckpointStore store;       // null: no checkpoints
  private final String checkpointName;
  private final INDArray accum;              // null when gradAccum == 1
  private long step;                          // optimiser steps done
  private long dataRow;                       // next global sample row
  private PrintStream console = System.out;

  /**
   * @param train null for a trainer that only applies updates, evaluates and checkpoints (the driver of a
   *              data-parallel run, whose replicas hold the training data); {@link #gradient} then throws
   */
  public Trainer(TrainConfig cfg, TokenStream train, TokenStream val, CheckpointStore store, String checkpointName) {
    this(cfg, DataType.FLOAT, train, val, store, checkpointName);
  }

  /**
   * @param type the model's floating-point type; a data-parallel replica in HALF computes its gradients in fp16
   *             while the driver keeps fp32 weights and AdamW state (accumulation over micro-batches stays fp32)
   */
  public Trainer(TrainConfig cfg, DataType type, TokenStream train, TokenStream val, CheckpointStore store,
                 String checkpointName) {
    if (train != null && train.vocabSize() > cfg.model().vocabSize())
      throw new IllegalArgumentException("training stream vocabulary (" + train.vocabSize() + ") is larger than the "
          + "model's vocabSize " + cfg.model().vocabSize());
    this.cfg = cfg;
    this.model = new Gpt(cfg.model(), cfg.seed(), type);
    this.opt = new AdamW(model.flatLength(), model.decayMask(), cfg.beta1(), cfg.beta2(), 1e-8, cfg.weightDecay());
    this.sampler = train == null ? null : new BatchSampler(train, cfg.model().contextLength(), cfg.seed(), cfg.sampling());
    this.evaluator = val == null ? null : new Evaluator(val, cfg.model().contextLength(), cfg.batchSize(), cfg.evalTokens());
    this.store = store;
    this.checkpointName = checkpointName;
    // fp16 sums of micro-batch gradients would lose the small ones: accumulate in at least fp32
    DataType accumType = type.width() < DataType.FLOAT.width() ? DataType.FLOAT : type;
    this.accum = cfg.gradAccum() > 1 ? Nd4j.zeros(accumType, model.flatLength()) : null;
  }

  public Gpt model() { return model; }

  public AdamW optimizer() { return opt; }

  public long step() { return step; }

  public long dataRow() { return dataRow; }

  public TrainConfig config() { return cfg; }

  public void setConsole(PrintStream out) { console = out; }

  /** Resume: parameters, optimiser, step, data position; the architecture must match. */
  public void resumeFrom(Checkpoint ck, String where) {
    ck.requireArchitecture(cfg.model(), where);
    if (ck.seed() != cfg.seed())
      throw new IllegalArgumentException("checkpoint " + where + " was trained with seed " + ck.seed()
          + " but this run has seed " + cfg.seed() + ": resuming would not continue the same data order");
    loadParams(ck, where);
    opt.load(ck.optimizer());
    step = ck.step();
    dataRow = ck.dataRow();
  }

  /**
   * Continued pretraining: start from a checkpoint's weights (another corpus, a new schedule); the optimiser,
   * step and data position start fresh.
   */
  public void initFrom(Checkpoint ck, String where) {
    ck.requireArchitecture(cfg.model(), where);
    loadParams(ck, where);
    opt.reset();
    step = 0;
    dataRow = 0;
  }

  private void loadParams(Checkpoint ck, String where) {
    if (ck.params().length() != model.flatLength())
      throw new IllegalArgumentException("checkpoint " + where + " holds " + ck.params().length()
          + " parameters, this model has " + model.flatLength());
    model.params().assign(ck.params().reshape(model.flatLength()));
    model.tieWeights();
  }

  public Checkpoint checkpoint() {
    AdamW.State s = opt.state();
    return new Checkpoint(cfg.model(), model.params().dup(), new AdamW.State(s.m().dup(), s.v().dup(), s.t()), step,
        dataRow, cfg.seed());
  }

  /**
   * (a) Mean per-token loss of global rows [firstRow, firstRow+rows) and its gradient, left in
   * {@code model().gradients()}. Dropout noise is seeded from (seed, firstRow), so a replica computing the
   * same rows gets the same numbers.
   */
  public double gradient(long firstRow, int rows) {
    if (sampler == null) throw new IllegalStateException("this trainer has no training stream");
    BatchSampler.Batch b = sampler.batch(firstRow, rows);
    Nd4j.getRandom().setSeed(cfg.seed() * 31 + firstRow);
    return model.computeGradient(b.x(), b.y(), true);
  }

  /**
   * (b) Clips the given flat gradient to cfg.gradClip and applies one AdamW update with the
   * learning rate of the current step; advances the step. Returns the pre-clip gradient norm.
   */
  public double applyUpdate(INDArray grad) {
    return applyUpdate(grad, 1);
  }

  /**
   * Clip + AdamW from the gradient {@code scale · grad} (e.g. a sum over K replicas with scale 1/K), without a
   * pass to scale it: AdamW applies the scale and the clipping factor element by element. grad is left unchanged.
   * Returns the norm of the scaled gradient, before clipping.
   */
  public double applyUpdate(INDArray grad, double scale) {
    double norm = scale * model.gradientNorm(grad);
    double clip = cfg.gradClip() > 0 && norm > cfg.gradClip() ? cfg.gradClip() / (norm + 1e-6) : 1;
    opt.update(model.params(), grad, scale * clip, cfg.schedule().at(step));
    step++;
    return norm;
  }

  /**
   * Claims the next {@code rows} global sample rows for a step computed elsewhere (data-parallel replicas) and
   * returns the first; the data position advances as {@link #trainStep} would advance it.
   */
  public long claimRows(long rows) {
    long first = dataRow;
    dataRow += rows;
    return first;
  }

  /** A mean loss and the mean gradient that goes with it (a live view: valid until the next gradient call). */
  public record MeanGradient(double loss, INDArray gradient) { }

  /**
   * Mean loss and mean gradient over gradAccum micro-batches of batchSize rows each, micro-batch i starting at
   * global row {@code firstRows[i]}: consecutive rows for {@link #trainStep}, a replica's strided share in
   * data-parallel training. With one micro-batch the gradient is the network's own, uncopied.
   */
  public MeanGradient meanGradient(long[] firstRows) {
    if (firstRows.length != cfg.gradAccum())
      throw new IllegalArgumentException(firstRows.length + " micro-batches for gradAccum " + cfg.gradAccum());
    if (cfg.gradAccum() == 1) return new MeanGradient(gradient(firstRows[0], cfg.batchSize()), model.gradients());
    accum.assign(0);
    double loss = 0;
    for (long first : firstRows) {
      loss += gradient(first, cfg.batchSize());
      accum.addi(model.gradients());
    }
    accum.divi(cfg.gradAccum());
    return new MeanGradient(loss / cfg.gradAccum(), accum);
  }

  /** One optimiser step over batchSize·gradAccum rows; returns {loss, gradNorm}. */
  public double[] trainStep() {
    long[] firstRows = new long[cfg.gradAccum()];
    for (int i = 0; i < firstRows.length; i++) firstRows[i] = claimRows(cfg.batchSize());
    MeanGradient g = meanGradient(firstRows);
    return new double[] {g.loss(), applyUpdate(g.gradient())};
  }

  public EvalResult evaluate() {
    if (evaluator == null) throw new IllegalStateException("no validation stream");
    return evaluator.evaluate(model);
  }

  /** Trains until cfg.maxSteps (or untilStep, for a run stopped early); returns the last validation result. */
  public EvalResult run(long untilStep) {
    long end = Math.min(untilStep, cfg.maxSteps());
    ProgressBar bar = new ProgressBar(console, cfg.maxSteps());
    EvalResult last = null;
    long t0 = System.nanoTime(), windowStart = t0, windowTokens = 0;
    if (step == 0)
      console.printf("model %s: %,d parameters (12·L·d² + embeddings = %,d), %.3g FLOPs/token, %,d tokens/step%n",
          cfg.model(), cfg.model().parameterCount(), cfg.model().approxParameterCount(), cfg.model().flopsPerToken(),
          cfg.tokensPerStep());
    try (MetricsLog metrics = new MetricsLog(cfg.metricsFile())) {
      while (step < end) {
        // eval: before the update of steps 0, k·evalInterval
        if (evaluator != null && cfg.evalInterval() > 0 && step % cfg.evalInterval() == 0) {
          last = evaluate();
          metrics.eval(step, step * cfg.tokensPerStep(), last);
          console.printf("step %d: val loss %.4f, ppl %.2f, bpb %.4f%n", step, last.loss(), last.perplexity(), last.bitsPerByte());
        }
        // step
        double lr = cfg.schedule().at(step);
        double[] r = trainStep();
        windowTokens += cfg.tokensPerStep();
        if (step == 1)
          console.printf("first step done %.1f s after JVM start%n",
              (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0);
        // log
        if (step % Math.max(1, cfg.logInterval()) == 0 || step == end) {
          long now = System.nanoTime();
          double tps = windowTokens / ((now - windowStart) / 1e9);
          metrics.train(step, r[0], lr, r[1], step * cfg.tokensPerStep(), tps, (now - t0) / 1e9);
          bar.show(step, String.format("loss %.4f lr %.2e gnorm %.3f %.0f tok/s", r[0], lr, r[1], tps));
          windowStart = now;
          windowTokens = 0;
        }
        // checkpoint
        if (store != null && cfg.checkpointInterval() > 0 && (step % cfg.checkpointInterval() == 0 || step == cfg.maxSteps()))
          saveCheckpoint();
      }
      if (evaluator != null && cfg.evalInterval() > 0 && step == cfg.maxSteps()) {
        last = evaluate();
        metrics.eval(step, step * cfg.tokensPerStep(), last);
        console.printf("step %d: val loss %.4f, ppl %.2f, bpb %.4f%n", step, last.loss(), last.perplexity(), last.bitsPerByte());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return last;
  }

  public EvalResult run() { return run(cfg.maxSteps()); }

  public void saveCheckpoint() {
    try {
      checkpoint().write(store, checkpointName);
    } catch (IOException e) {
      throw new UncheckedIOException("writing checkpoint " + store.describe(checkpointName), e);
    }
  }
}
