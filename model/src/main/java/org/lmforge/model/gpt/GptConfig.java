package org.lmforge.model.gpt;

import java.util.ArrayList;
import java.util.List;
import org.lmforge.config.Records;

/**
 * Shape of a decoder-only transformer (GPT-2 layout: pre-LayerNorm blocks, GELU MLP of width 4·d,
 * final LayerNorm, output head tied to the token embedding).
 *
 * @param vocabSize number of token ids; ids are 0..vocabSize-1
 * @param contextLength tokens per sequence (T); also the size of the learned positions table
 * @param nLayer transformer blocks
 * @param nHead attention heads; must divide dModel
 * @param dModel residual stream width (d, "n_embd")
 * @param dropout drop probability on the residual stream entering each block and the final norm (0
 *     = off)
 * @param positional LEARNED (GPT-2 [T,d] table) or ALIBI (per-head linear distance penalty, Press
 *     et al. 2021)
 * @param multiQuery one shared key/value head for all query heads (Shazeer 2019) instead of one per
 *     head
 */
public record GptConfig(
    int vocabSize,
    int contextLength,
    int nLayer,
    int nHead,
    int dModel,
    double dropout,
    Positional positional,
    boolean multiQuery)
    implements java.io.Serializable {

  /** How token positions are encoded. */
  public enum Positional {
    LEARNED,
    ALIBI
  }

  /**
   * {@code vocabSize} of a configuration written before the tokenizer is known (the pretrain job's
   * {@code model} section): the token shards' vocabulary is taken. A network is never built with
   * it.
   */
  public static final int VOCAB_FROM_TOKENS = 0;

  public GptConfig {
    List<String> errors = new ArrayList<>();
    if (vocabSize != VOCAB_FROM_TOKENS && vocabSize < 2)
      errors.add("vocabSize=" + vocabSize + " must be >= 2 (or 0: the tokenizer's)");
    if (contextLength < 1) errors.add("contextLength=" + contextLength + " must be >= 1");
    if (nLayer < 1) errors.add("nLayer=" + nLayer + " must be >= 1");
    if (nHead < 1) errors.add("nHead=" + nHead + " must be >= 1");
    if (dModel < 1) errors.add("dModel=" + dModel + " must be >= 1");
    if (nHead >= 1 && dModel % nHead != 0)
      errors.add(
          "dModel="
              + dModel
              + " is not divisible by nHead="
              + nHead
              + " (choose dModel as a multiple of nHead, e.g. "
              + (dModel / nHead + 1) * nHead
              + ")");
    if (!(dropout >= 0 && dropout < 1)) errors.add("dropout=" + dropout + " must be in [0, 1)");
    if (positional == null) errors.add("positional must be LEARNED or ALIBI");
    if (!errors.isEmpty())
      throw new IllegalArgumentException("invalid GptConfig: " + String.join("; ", errors));
  }

  /** A GPT-2-style config with learned positions and full multi-head attention. */
  public static GptConfig of(
      int vocabSize, int contextLength, int nLayer, int nHead, int dModel, double dropout) {
    return new GptConfig(
        vocabSize, contextLength, nLayer, nHead, dModel, dropout, Positional.LEARNED, false);
  }

  public GptConfig withVocabSize(int v) {
    return Records.with(this, "vocabSize", v);
  }

  public GptConfig withDropout(double p) {
    return Records.with(this, "dropout", p);
  }

  public int headSize() {
    return dModel / nHead;
  }

  /**
   * Width of the key and value projections: d for multi-head, one head (d/nHead) for multi-query.
   */
  public int kvDim() {
    return multiQuery ? headSize() : dModel;
  }

  /**
   * Parameters of one block: 2 LayerNorms, Q/K/V + output projection, MLP d -> 4d -> d, with
   * biases.
   */
  public long blockParams() {
    long d = dModel, kv = kvDim();
    long ln = 2 * 2 * d;
    long attn = d * d + d + 2 * (d * kv + kv) + d * d + d;
    long mlp = d * 4 * d + 4 * d + 4 * d * d + d;
    return ln + attn + mlp;
  }

  /** Token embedding (shared with the output head) plus the learned positions table if any. */
  public long embeddingParams() {
    return (long) vocabSize * dModel
        + (positional == Positional.LEARNED ? (long) contextLength * dModel : 0);
  }

  /** Everything in the blocks and the final LayerNorm; ≈ 12·nLayer·d² for multi-head attention. */
  public long nonEmbeddingParams() {
    return nLayer * blockParams() + 2L * dModel;
  }

  /** Trainable parameters, counting the tied embedding/head matrix once. */
  public long parameterCount() {
    return nonEmbeddingParams() + embeddingParams();
  }

  /** The textbook estimate 12·nLayer·d² + embeddings (ignores biases and LayerNorm gains). */
  public long approxParameterCount() {
    return 12L * nLayer * dModel * dModel + embeddingParams();
  }

  /**
   * Training FLOPs per token: 6·(matmul parameters, including the tied head's d·V product) plus
   * attention scores and weighted sum, 6·2·nLayer·T·d (forward 2·2·T·d per layer per token,
   * backward twice that; counted over the full T×T square as in the PaLM paper's MFU, not halved
   * for causality).
   */
  public double flopsPerToken() {
    double matmulParams = nonEmbeddingParams() + (double) vocabSize * dModel;
    return 6.0 * matmulParams + 12.0 * nLayer * contextLength * dModel;
  }

  @Override
  public String toString() {
    return String.format(
        "GptConfig[V=%d T=%d L=%d H=%d d=%d dropout=%.2f pos=%s mq=%s]",
        vocabSize, contextLength, nLayer, nHead, dModel, dropout, positional, multiQuery);
  }
}
