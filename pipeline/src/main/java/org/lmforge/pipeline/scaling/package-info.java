/**
 * Scaling-law fits (no Spark): Chinchilla approach 3 with bootstrap intervals, approaches 1 and 2, Kaplan power laws, fit.json.
 *
 * <p>Fed by org.lmforge.pipeline.sweep; shown by org.lmforge.pipeline.report.
 */
package org.lmforge.pipeline.scaling;
