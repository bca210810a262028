/**
 * The filter stage of the clean job on Spark: runs the filter chain per partition, counts drops per
 * rule, writes the redacted rejected output.
 *
 * <p>Its per-document twin, the filters themselves, is org.lmforge.dataprep.filter.
 */
package org.lmforge.pipeline.filter;
