/**
 * The eval command's job ({@code pipeline eval}): {@link org.lmforge.pipeline.eval.EvalJob} scores
 * a held-out text, Parquet corpus or token split in the pretrain job's evaluation windows (loss,
 * perplexity, bits per byte), after {@link org.lmforge.pipeline.eval.TokenizerCoverage} has checked
 * that the text is one the run's tokenizer was made for. No Spark unless the input is Parquet.
 *
 * <p>Its twin, the evaluation itself, is org.lmforge.model.eval; the run it opens is a {@link
 * org.lmforge.pipeline.train.RunCheckpoint}.
 */
package org.lmforge.pipeline.eval;
