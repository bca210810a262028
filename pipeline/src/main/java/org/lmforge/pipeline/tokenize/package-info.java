/**
 * The tokenize job on Spark: pre-token counts, BPE trained or loaded, shards written per partition,
 * deterministic train/validation split; and the tokenizer-stats command's job (TokenizerStatsJob:
 * bytes per token, ours next to GPT-2's).
 *
 * <p>Its per-document twin (the tokenizer and the shard format) is org.lmforge.dataprep.tokenize.
 */
package org.lmforge.pipeline.tokenize;
