/**
 * The sweep report (no Spark): one self-contained HTML file with inline SVG plots and the fit
 * tables.
 *
 * <p>Reads what org.lmforge.pipeline.sweep and org.lmforge.analysis.scaling write; its twin
 * org.lmforge.pipeline.report runs it as a job.
 */
package org.lmforge.analysis.report;
