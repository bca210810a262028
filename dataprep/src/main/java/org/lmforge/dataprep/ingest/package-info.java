/**
 * One crawl page to one clean document or one quarantine reason: decode, extract, identify the
 * language.
 *
 * <p>Its Spark stage is org.lmforge.pipeline.clean.IngestStage.
 */
package org.lmforge.dataprep.ingest;
