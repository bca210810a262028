/**
 * The generate command's job ({@code pipeline generate}): {@link
 * org.lmforge.pipeline.generate.GenerateJob} continues a prompt with the model of a pretrain run's
 * last checkpoint. No Spark.
 *
 * <p>Its twin, sampling and the KV cache, is org.lmforge.model.generate; the run it opens is a
 * {@link org.lmforge.pipeline.train.RunCheckpoint}.
 */
package org.lmforge.pipeline.generate;
