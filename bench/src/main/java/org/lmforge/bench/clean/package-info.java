/**
 * Benchmarks of the clean stage ({@code pipeline/…/clean}): {@code CleanBench}, the whole clean job
 * on Spark {@code local[N]} against plain {@code zcat} of the same crawl files (pages/s and
 * compressed MB/s per core and per CPU-second, peak RSS). Run: {@code bin/bench CleanBench [--input
 * PATH ...] [--sample-pages N] [--cores N]}.
 */
package org.lmforge.bench.clean;
