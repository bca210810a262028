/**
 * Scaling sweeps: IsoFLOP or grid plans, runs trained side by side, runs.csv, the held-out prediction run.
 *
 * <p>Fits are org.lmforge.pipeline.scaling; the report org.lmforge.pipeline.report.
 */
package org.lmforge.pipeline.sweep;
