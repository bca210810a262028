/**
 * The pretrain job: synchronous data parallelism over Spark executors (or driver threads on
 * local[*]), the driver's side of the training loop ({@code DriverRun}: the data-parallel step,
 * recovery from the last checkpoint), checkpoints and metrics on Hadoop, resume, and a finished or
 * started run opened for use ({@code RunCheckpoint}: run.json, the last checkpoint, the tokenizer;
 * read by the generate and eval jobs).
 *
 * <p>Its single-process twin (the step, AdamW, sampling, the loop {@code TrainLoop} itself, {@code
 * MetricsLog}) is org.lmforge.model.train.
 */
package org.lmforge.pipeline.train;
