/**
 * Benchmarks of the report ({@code pipeline/…/report}): {@code ReportBench}, the time, size and
 * memory of the report of a synthetic IsoFLOP sweep drawn from the published Chinchilla law.
 */
package org.lmforge.bench.report;
