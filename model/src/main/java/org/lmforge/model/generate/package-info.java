/**
 * Generation: greedy, temperature, top-k and top-p sampling, with a KV cache.
 *
 * <p>Its twin, the generate command's job, is org.lmforge.pipeline.generate; the benchmark is
 * org.lmforge.bench.generate.
 */
package org.lmforge.model.generate;
