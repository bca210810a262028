/**
 * Benchmarks of main-text extraction ({@code dataprep/…/extract}): {@code ExtractionBench}, the
 * extractor against boilerpipe and Readability4J on the extraction dev set (snippet P/R/F1, pages
 * per CPU-second on one thread).
 */
package org.lmforge.bench.extract;
