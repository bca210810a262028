package org.lmforge.pipeline.train;

import java.util.ArrayList;
import java.util.List;
import org.lmforge.config.Records;
import org.lmforge.model.gpt.GptConfig;
import org.lmforge.model.train.Optim;
import org.lmforge.model.train.TrainConfig;
import org.lmforge.pipeline.job.UserError;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The pretrain job ({@code conf/pretrain.conf}, keys = component names).
 *
 * @param tokens the tokenize job's output (manifest.json, train/, validation/): any Hadoop URI
 * @param output run directory: metrics.jsonl, checkpoints/, summary.json (any Hadoop URI)
 * @param overwrite replace an existing run directory
 * @param resume continue from output/checkpoints/last.ckpt (a killed driver re-runs with this)
 * @param model the architecture ({@link GptConfig}); its {@code vocabSize} 0 takes the tokenizer's
 *     (the shards' manifest), a larger one pads the embedding, a smaller one is an error
 * @param dtype precision of the replicas' forward and backward passes ({@link Dtype})
 * @param optim optimiser, batch and length of the run ({@link Optim}, shared with a local trainer)
 * @param replicas data-parallel replicas (one Spark task each per step); 0 = the cluster's default
 *     parallelism
 * @param threadsPerReplica ND4J/BLAS threads inside one replica's task (= cores per task)
 * @param evalInterval steps between validation passes (and after the last step); 0 = only at the
 *     end
 * @param evalTokens validation tokens per pass
 * @param logInterval steps between progress lines and metrics records
 * @param checkpointInterval steps between checkpoints (and after the last step)
 * @param maxRecoveries failed steps (after Spark's own task retries) that restart from the last
 *     checkpoint before the job gives up
 * @param sync how replicas exchange gradients: spark (a Spark job per step), in_process (driver
 *     threads; only for a local master) or auto (in_process on local[*], else spark)
 */
public record PretrainConfig(
    String tokens,
    String output,
    boolean overwrite,
    boolean resume,
    GptConfig model,
    Dtype dtype,
    Optim optim,
    int replicas,
    int threadsPerReplica,
    int evalInterval,
    int evalTokens,
    int logInterval,
    int checkpointInterval,
    int maxRecoveries,
    Sync sync) {

  /** See {@code pretrain.sync}. */
  public enum Sync {
    AUTO,
    SPARK,
    IN_PROCESS
  }

  /**
   * Precision of the replicas' forward and backward passes. The driver always keeps fp32 weights
   * and AdamW state and sums the replicas' gradients in fp32, so HALF is mixed precision: fp16
   * compute, fp32 master weights (no loss scaling; see docs/pretrain.md for what was measured).
   * BFLOAT16 is named only to be refused with the reason.
   */
  public enum Dtype {
    FLOAT(DataType.FLOAT),
    HALF(DataType.HALF),
    BFLOAT16(DataType.BFLOAT16);

    private final DataType nd4j;

    Dtype(DataType nd4j) {
      this.nd4j = nd4j;
    }

    public DataType nd4j() {
      return nd4j;
    }
  }

  public PretrainConfig {
    List<String> errors = new ArrayList<>();
    if (tokens == null || tokens.isBlank())
      errors.add("pretrain.tokens is empty: set it to the tokenize job's output");
    if (output == null || output.isBlank()) errors.add("pretrain.output is empty");
    // Optim checks its own ranges; a pretrain run also needs at least one step
    if (optim == null) errors.add("pretrain.optim is empty");
    else if (optim.maxSteps() < 1)
      errors.add("pretrain.optim.maxSteps=" + optim.maxSteps() + " must be >= 1");
    if (replicas < 0)
      errors.add("pretrain.replicas=" + replicas + " must be >= 0 (0 = default parallelism)");
    if (threadsPerReplica < 1)
      errors.add("pretrain.threadsPerReplica=" + threadsPerReplica + " must be >= 1");
    if (evalInterval < 0)
      errors.add("pretrain.evalInterval=" + evalInterval + " must be >= 0 (0 = only at the end)");
    if (logInterval < 1) errors.add("pretrain.logInterval=" + logInterval + " must be >= 1");
    if (checkpointInterval < 1)
      errors.add("pretrain.checkpointInterval=" + checkpointInterval + " must be >= 1");
    if (evalTokens < 1) errors.add("pretrain.evalTokens=" + evalTokens + " must be >= 1");
    if (maxRecoveries < 0) errors.add("pretrain.maxRecoveries=" + maxRecoveries + " must be >= 0");
    if (sync == null) errors.add("pretrain.sync is empty: auto, spark or in_process");
    if (model == null) errors.add("pretrain.model is empty");
    if (dtype == null) errors.add("pretrain.dtype is empty: float or half");
    if (dtype == Dtype.BFLOAT16)
      errors.add(
          "pretrain.dtype=bfloat16 is not offered: DL4J 1.0.0-M2.1 builds networks only in double, float or half "
              + "(NeuralNetConfiguration.Builder.dataType refuses BFLOAT16 on every backend); use float, or half on "
              + "CUDA executors");
    if (!errors.isEmpty()) throw new IllegalArgumentException(String.join("; ", errors));
  }

  /**
   * The run configuration the trainer and {@link org.lmforge.model.train.TrainLoop} take: the
   * architecture with the tokenizer's vocabulary, this job's optimiser unchanged, and its cadence.
   * The trainer sees one replica's share (micro-batches of batchSize rows, accumulated gradAccum
   * times).
   */
  public TrainConfig trainConfig(int vocabSize) {
    return new TrainConfig(
        gpt(vocabSize),
        optim,
        new TrainConfig.Cadence(evalInterval, evalTokens, logInterval, checkpointInterval));
  }

  /**
   * The architecture for shards of {@code tokensVocab} ids: {@code model.vocabSize} 0 takes it; a
   * larger one is kept (a padded embedding, as nanoGPT's 50304); a smaller one cannot embed every
   * id and is refused.
   */
  public GptConfig gpt(int tokensVocab) {
    if (model.vocabSize() == GptConfig.VOCAB_FROM_TOKENS) {
      return model.withVocabSize(tokensVocab);
    }
    if (model.vocabSize() < tokensVocab) {
      throw new UserError(
          "pretrain.model.vocabSize="
              + model.vocabSize()
              + " is smaller than the token shards' vocabulary ("
              + tokensVocab
              + " ids, manifest.json): set it to 0 to take the tokenizer's");
    }
    return model;
  }

  public PretrainConfig withRun(String tok, String out, boolean overwriteOut, boolean resumeRun) {
    return Records.with(
        this, "tokens", tok, "output", out, "overwrite", overwriteOut, "resume", resumeRun);
  }

  public PretrainConfig withModel(GptConfig m) {
    return Records.with(this, "model", m);
  }

  public PretrainConfig withOptim(Optim o) {
    return Records.with(this, "optim", o);
  }

  public PretrainConfig withSync(Sync s) {
    return Records.with(this, "sync", s);
  }

  public PretrainConfig withReplicas(int k) {
    return Records.with(this, "replicas", k);
  }
}
