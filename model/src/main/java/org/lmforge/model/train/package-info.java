/**
 * One training step and its parts: batch sampling, learning-rate schedule, AdamW, gradient clipping and accumulation, metrics lines.
 *
 * <p>Its Spark side (replicas on executors or driver threads, the run loop, checkpoints on Hadoop) is org.lmforge.pipeline.train.
 */
package org.lmforge.model.train;
