/**
 * The sweep report (no Spark): one self-contained HTML file with inline SVG plots and the fit tables.
 *
 * <p>Reads what org.lmforge.pipeline.sweep and org.lmforge.pipeline.scaling write.
 */
package org.lmforge.pipeline.report;
