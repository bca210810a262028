/**
 * The document filters, one class per rule family on BaseFilter (measure, judge, verdict with a
 * reason; ThresholdFilter for the families judged by the thresholds of their config), and the chain
 * that runs them in order.
 *
 * <p>Its Spark stage, with the drop table and the rejected output, is org.lmforge.pipeline.filter.
 */
package org.lmforge.dataprep.filter;
