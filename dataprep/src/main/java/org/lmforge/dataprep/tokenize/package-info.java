/**
 * Byte-level BPE: pre-tokenizer, trainer, encoder, tokenizer files, and the token shard format with
 * its manifest.
 *
 * <p>Its Spark stage (train or load, encode, write shards, split) is org.lmforge.pipeline.tokenize.
 */
package org.lmforge.dataprep.tokenize;
