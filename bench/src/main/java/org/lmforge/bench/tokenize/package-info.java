/**
 * Benchmarks of the tokenizer ({@code dataprep/…/tokenize}) and its Spark stage ({@code
 * pipeline/…/tokenize}): {@code TokenizerBench}, encode speed against JTokkit, BPE training time
 * and bytes per token on one thread; {@code TokenizeBench}, the tokenize stage on a ~100 MB Parquet
 * corpus (counting, merging, encoding) and the per-partition piece counter against a {@code
 * HashMap}.
 */
package org.lmforge.bench.tokenize;
