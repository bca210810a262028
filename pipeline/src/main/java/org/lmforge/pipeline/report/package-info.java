/**
 * The report job: collects a sweep's inputs (runs, curves, tokenizer and clean provenance) and
 * writes report.html on the job contract.
 *
 * <p>The report itself (no Spark: HTML, inline SVG plots, tables) is its twin,
 * org.lmforge.analysis.report in the analysis module.
 */
package org.lmforge.pipeline.report;
