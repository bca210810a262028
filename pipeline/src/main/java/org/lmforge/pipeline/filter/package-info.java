/**
 * The filter stage of the clean job on Spark: runs the filter chain per partition, counts drops per
 * rule, writes the redacted rejected output; and the jobs of two commands about the filters:
 * show-docs (ShowDocsJob: a sample of kept or dropped documents, SampleListing) and train-quality
 * (QualityModelJob: the quality classifier trained on reference against crawl text).
 *
 * <p>Its per-document twin, the filters themselves, is org.lmforge.dataprep.filter.
 */
package org.lmforge.pipeline.filter;
