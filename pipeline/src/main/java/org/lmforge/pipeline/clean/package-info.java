/**
 * The clean job: ingest (decode, extract, language ID) on Spark, then filters and dedupe, Parquet
 * output, stats and quarantine.
 *
 * <p>Its per-document twins are org.lmforge.dataprep.warc, .ingest, .extract and .lang; its stages
 * are org.lmforge.pipeline.filter and org.lmforge.pipeline.dedup.
 */
package org.lmforge.pipeline.clean;
