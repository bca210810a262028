package org.lmforge.model.train;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
 * <p>For data parallelism the step splits into {@link #gradient} (loss + flat gradient of rows on
 * one replica) and {@link #applyUpdate} (clip + AdamW from a given, e.g. all-reduced, gradient),
 * with parameters and optimiser state in {@link #model()} and {@link #checkpoint()}.
 */
public final class Trainer {
  private final TrainConfig cfg;
  private final Gpt model;
  private final AdamW opt;
  private final BatchSampler
      sampler; // null: no training stream (the driver of a data-parallel run)
  private final Evaluator evaluator; // null: no validation stream
  private final CheckpointStore store; // null: no checkpoints
  private final String checkpointName;
  private final INDArray accum; // null when gradAccum == 1
  private long step; // optimiser steps done
  private long dataRow; // next global sample row
  private PrintStream console = System.out;

  /**
   * @param train null for a trainer that only applies updates, evaluates and checkpoints (the
   *     driver of a data-parallel run, whose replicas hold the training data); {@link #gradient}
   *     then throws
   */
  public Trainer(
      TrainConfig cfg,
      TokenStream train,
      TokenStream val,
      CheckpointStore store,
      String checkpointName) {
    this(cfg, DataType.FLOAT, train, val, store, checkpointName);
  }

  /**
   * @param type the model's floating-point type; a data-parallel replica in HALF computes its
   *     gradients in fp16 while the driver keeps fp32 weights and AdamW state (accumulation over
   *     micro-batches stays fp32)
   */
  public Trainer(
      TrainConfig cfg,
      DataType type,
      TokenStream train,
      TokenStream val,
      CheckpointStore store,
      String checkpointName) {
    if (train != null && train.vocabSize() > cfg.model().vocabSize())
      throw new IllegalArgumentException(
          "training stream vocabulary ("
              + train.vocabSize()
              + ") is larger than the "
              + "model's vocabSize "
              + cfg.model().vocabSize());
    this.cfg = cfg;
    Optim o = cfg.optim();
    int context = cfg.model().contextLength();
    this.model = new Gpt(cfg.model(), o.seed(), type);
    this.opt =
        new AdamW(
            model.flatLength(), model.decayMask(), o.beta1(), o.beta2(), 1e-8, o.weightDecay());
    this.sampler = train == null ? null : new BatchSampler(train, context, o.seed(), o.sampling());
    this.evaluator =
        val == null ? null : new Evaluator(val, context, o.batchSize(), cfg.cadence().evalTokens());
    this.store = store;
    this.checkpointName = checkpointName;
    // fp16 sums of micro-batch gradients would lose the small ones: accumulate in at least fp32
    DataType accumType = type.width() < DataType.FLOAT.width() ? DataType.FLOAT : type;
    this.accum = cfg.optim().gradAccum() > 1 ? Nd4j.zeros(accumType, model.flatLength()) : null;
  }

  public Gpt model() {
    return model;
  }

  public long step() {
    return step;
  }

  public void setConsole(PrintStream out) {
    console = out;
  }

  /** Resume: parameters, optimiser, step, data position; the architecture must match. */
  public void resumeFrom(Checkpoint ck, String where) {
    ck.requireArchitecture(cfg.model(), where);
    if (ck.seed() != cfg.optim().seed())
      throw new IllegalArgumentException(
          "checkpoint "
              + where
              + " was trained with seed "
              + ck.seed()
              + " but this run has seed "
              + cfg.optim().seed()
              + ": resuming would not continue the same data order");
    loadParams(ck, where);
    opt.load(ck.optimizer());
    step = ck.step();
    dataRow = ck.dataRow();
  }

  /**
   * Continued pretraining: start from a checkpoint's weights (another corpus, a new schedule); the
   * optimiser, step and data position start fresh.
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
      throw new IllegalArgumentException(
          "checkpoint "
              + where
              + " holds "
              + ck.params().length()
              + " parameters, this model has "
              + model.flatLength());
    model.params().assign(ck.params().reshape(model.flatLength()));
    model.tieWeights();
  }

  public Checkpoint checkpoint() {
    AdamW.State s = opt.state();
    return new Checkpoint(
        cfg.model(),
        model.params().dup(),
        new AdamW.State(s.m().dup(), s.v().dup(), s.t()),
        step,
        dataRow,
        cfg.optim().seed());
  }

  /**
   * (a) Mean per-token loss of global rows [firstRow, firstRow+rows) and its gradient, left in
   * {@code model().gradients()}. Dropout noise is seeded from (seed, firstRow), so a replica
   * computing the same rows gets the same numbers.
   */
  public double gradient(long firstRow, int rows) {
    if (sampler == null) throw new IllegalStateException("this trainer has no training stream");
    BatchSampler.Batch b = sampler.batch(firstRow, rows);
    Nd4j.getRandom().setSeed(cfg.optim().seed() * 31 + firstRow);
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
   * Clip + AdamW from the gradient {@code scale · grad} (e.g. a sum over K replicas with scale
   * 1/K), without a pass to scale it: AdamW applies the scale and the clipping factor element by
   * element. grad is left unchanged. Returns the norm of the scaled gradient, before clipping.
   */
  public double applyUpdate(INDArray grad, double scale) {
    double norm = scale * model.gradientNorm(grad);
    double maxNorm = cfg.optim().gradClip();
    double clip = maxNorm > 0 && norm > maxNorm ? maxNorm / (norm + 1e-6) : 1;
    opt.update(model.params(), grad, scale * clip, cfg.schedule().at(step));
    step++;
    return norm;
  }

  /**
   * Claims the next {@code rows} global sample rows for a step computed elsewhere (data-parallel
   * replicas) and returns the first; the data position advances as {@link #trainStep} would advance
   * it.
   */
  public long claimRows(long rows) {
    long first = dataRow;
    dataRow += rows;
    return first;
  }

  /**
   * A mean loss and the mean gradient that goes with it (a live view: valid until the next gradient
   * call).
   */
  public record MeanGradient(double loss, INDArray gradient) {}

  /**
   * Mean loss and mean gradient over gradAccum micro-batches of batchSize rows each, micro-batch i
   * starting at global row {@code firstRows[i]}: consecutive rows for {@link #trainStep}, a
   * replica's strided share in data-parallel training. With one micro-batch the gradient is the
   * network's own, uncopied.
   */
  public MeanGradient meanGradient(long[] firstRows) {
    int micro = cfg.optim().gradAccum(), rows = cfg.optim().batchSize();
    if (firstRows.length != micro)
      throw new IllegalArgumentException(
          firstRows.length + " micro-batches for gradAccum " + micro);
    if (micro == 1) return new MeanGradient(gradient(firstRows[0], rows), model.gradients());
    accum.assign(0);
    double loss = 0;
    for (long first : firstRows) {
      loss += gradient(first, rows);
      accum.addi(model.gradients());
    }
    accum.divi(micro);
    return new MeanGradient(loss / micro, accum);
  }

  /** One optimiser step over batchSize·gradAccum rows; returns {loss, gradNorm}. */
  public double[] trainStep() {
    StepResult r = timedStep();
    return new double[] {r.loss(), r.gradNorm()};
  }

  /** {@link #trainStep} with its time split into gradients (compute) and clip + AdamW (update). */
  public StepResult timedStep() {
    long t0 = System.nanoTime();
    long[] firstRows = new long[cfg.optim().gradAccum()];
    for (int i = 0; i < firstRows.length; i++) firstRows[i] = claimRows(cfg.optim().batchSize());
    MeanGradient g = meanGradient(firstRows);
    long t1 = System.nanoTime();
    double norm = applyUpdate(g.gradient());
    long t2 = System.nanoTime();
    return new StepResult(g.loss(), norm, (t2 - t0) / 1e9, (t1 - t0) / 1e9, 0, (t2 - t1) / 1e9);
  }

  public EvalResult evaluate() {
    if (evaluator == null) throw new IllegalStateException("no validation stream");
    return evaluator.evaluate(model);
  }

  /**
   * Trains until maxSteps through {@link TrainLoop}, the loop the pretrain job runs too, writing
   * metrics to {@code metricsFile} (null: none; a resumed trainer keeps the file's records up to
   * its step). Returns the last validation result (null without a validation stream).
   */
  public EvalResult run(Path metricsFile) {
    if (step == 0)
      console.printf(
          "model %s: %,d parameters (12·L·d² + embeddings = %,d), %.3g FLOPs/token, %,d tokens/step%n",
          cfg.model(),
          cfg.model().parameterCount(),
          cfg.model().approxParameterCount(),
          cfg.model().flopsPerToken(),
          cfg.tokensPerStep());
    try {
      MetricsLog metrics =
          metricsFile == null
              ? MetricsLog.discard()
              : MetricsLog.open(MetricsLog.localFile(metricsFile), step > 0 ? step : -1);
      return new TrainLoop(cfg, cfg.tokensPerStep(), metrics, console::println)
          .run(new LocalRun(this, console))
          .last();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public EvalResult run() {
    return run(null);
  }

  boolean hasValidation() {
    return evaluator != null;
  }

  boolean hasCheckpoints() {
    return store != null;
  }

  public void saveCheckpoint() {
    try {
      checkpoint().write(store, checkpointName);
    } catch (IOException e) {
      throw new UncheckedIOException("writing checkpoint " + store.describe(checkpointName), e);
    }
  }
}
