/**
 * Generation: greedy, temperature, top-k and top-p sampling, with a KV cache.
 *
 * <p>The generate command is org.lmforge.pipeline.use.GenerateJob.
 */
package org.lmforge.model.sample;
