/**
 * What a researcher does with a trained run, without Spark unless an input needs it: {@link
 * org.lmforge.pipeline.use.RunCheckpoint} opens a run directory of the pretrain job (run.json, the
 * last checkpoint, the tokenizer of the token directory it trained on); {@link
 * org.lmforge.pipeline.use.GenerateJob} continues a prompt ({@code pipeline generate}); {@link
 * org.lmforge.pipeline.use.EvalJob} scores a held-out text, Parquet corpus or token split in the
 * pretrain job's evaluation windows ({@code pipeline eval}), after {@link
 * org.lmforge.pipeline.use.TokenizerCoverage} has checked that the text is one the tokenizer was
 * made for.
 */
package org.lmforge.pipeline.use;
