/**
 * Scaling-law fits (no Spark): Chinchilla approach 3 and Kaplan's joint law with bootstrap
 * intervals, the choice between them by forecast, approaches 1 and 2, Kaplan power laws, fit.json.
 *
 * <p>Its twin org.lmforge.pipeline.scaling runs it as a job; org.lmforge.pipeline.sweep feeds it;
 * the report (org.lmforge.analysis.report) shows it.
 */
package org.lmforge.analysis.scaling;
