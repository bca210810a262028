/**
 * Benchmarks of the filters ({@code dataprep/…/filter}) and their Spark stage ({@code
 * pipeline/…/filter}): {@code FiltersBench}, the per-rule cost of every filter on real text against
 * the cost of HTML parsing; {@code FilterStageBench}, the Spark stage against the plain filter
 * chain on the same documents.
 */
package org.lmforge.bench.filter;
