/**
 * The tokenize job on Spark: pre-token counts, BPE trained or loaded, shards written per partition,
 * deterministic train/validation split.
 *
 * <p>Its per-document twin (the tokenizer and the shard format) is org.lmforge.dataprep.tokenize.
 */
package org.lmforge.pipeline.tokenize;
