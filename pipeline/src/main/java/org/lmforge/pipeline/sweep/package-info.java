/**
 * Scaling sweeps: IsoFLOP or grid plans, runs trained side by side, runs.csv, the held-out
 * prediction run.
 *
 * <p>Fits are org.lmforge.analysis.scaling (run by the job in org.lmforge.pipeline.scaling); the
 * report org.lmforge.analysis.report (job: org.lmforge.pipeline.report).
 */
package org.lmforge.pipeline.sweep;
