/**
 * The fit job: reads a sweep's runs.csv and writes fit.json on the job contract.
 *
 * <p>The fits themselves (no Spark) are its twin, org.lmforge.analysis.scaling in the analysis
 * module; the sweep that feeds them is org.lmforge.pipeline.sweep.
 */
package org.lmforge.pipeline.scaling;
