/**
 * The pretrain job: synchronous data parallelism over Spark executors (or driver threads on local[*]), the run loop, checkpoints on Hadoop, resume.
 *
 * <p>Its single-process twin (the step, AdamW, sampling) is org.lmforge.model.train.
 */
package org.lmforge.pipeline.train;
