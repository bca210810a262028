/**
 * Benchmarks of the scaling-law fits ({@code pipeline/…/scaling}): {@code ScalingFitBench},
 * approach 3 on a synthetic grid of the published Chinchilla law, default local starts against the
 * paper's full grid, with bootstrap refits (time, objective, recovered parameters).
 */
package org.lmforge.bench.scaling;
