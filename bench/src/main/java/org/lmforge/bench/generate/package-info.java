/**
 * Benchmarks of generation ({@code model/…/generate}): {@code KvCacheBench}, greedy decoding with
 * the KV cache against the best uncached path on the same model and prompt (tokens/s, same tokens
 * checked).
 */
package org.lmforge.bench.generate;
