/**
 * Benchmarks of the dedupe stage ({@code dataprep/…/dedup}, {@code pipeline/…/dedup}): {@code
 * DedupBench}, the near-duplicate level and the whole stage against Spark ML's MinHashLSH, time and
 * memory, recall and precision against {@code TruePairs}, the exact ground truth (tested in this
 * module's {@code TruePairsTest}).
 */
package org.lmforge.bench.dedup;
