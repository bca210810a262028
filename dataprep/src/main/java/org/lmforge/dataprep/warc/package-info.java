/**
 * Reading crawl files: WARC/WET records (jwarc), their HTTP envelopes and the decoding of a page's
 * bytes to text.
 *
 * <p>Its Spark side is org.lmforge.pipeline.clean (IngestStage reads files through
 * org.lmforge.pipeline.io).
 */
package org.lmforge.dataprep.warc;
