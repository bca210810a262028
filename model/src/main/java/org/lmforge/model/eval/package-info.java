/**
 * Validation loss, perplexity and bits per byte of a model on a token stream.
 *
 * <p>Its twin, the eval command's job, is org.lmforge.pipeline.eval; the pretrain job evaluates
 * with it too (org.lmforge.model.train).
 */
package org.lmforge.model.eval;
