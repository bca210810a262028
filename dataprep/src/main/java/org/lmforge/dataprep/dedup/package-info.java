/**
 * Per-document dedupe maths: URL normalisation, exact and line hashes, shingles, MinHash
 * signatures, Jaccard.
 *
 * <p>Its Spark stage (exact, line and MinHash-LSH near dedupe over the corpus) is
 * org.lmforge.pipeline.dedup.
 */
package org.lmforge.dataprep.dedup;
