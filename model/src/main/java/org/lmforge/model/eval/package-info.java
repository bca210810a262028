/**
 * Validation loss, perplexity and bits per byte of a model on a token stream.
 *
 * <p>The eval command is org.lmforge.pipeline.use.EvalJob.
 */
package org.lmforge.model.eval;
