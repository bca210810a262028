/**
 * Main-text extraction from HTML: DOM cleaning, main-content finding, boilerplate pruning and a
 * readability fallback.
 *
 * <p>Run per page by org.lmforge.dataprep.ingest and, on Spark, by
 * org.lmforge.pipeline.clean.IngestStage; its twin org.lmforge.pipeline.extract runs it alone on a
 * directory of pages (extract-html).
 */
package org.lmforge.dataprep.extract;
