/**
 * The dedupe stage on Spark: URL, exact, line and MinHash-LSH near dedupe with connected
 * components.
 *
 * <p>Its per-document twin is org.lmforge.dataprep.dedup.
 */
package org.lmforge.pipeline.dedup;
