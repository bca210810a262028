/**
 * Training: one step and its parts (batch sampling, learning-rate schedule, AdamW, gradient
 * clipping and accumulation), the run configuration ({@code TrainConfig} = {@code GptConfig} +
 * {@code Optim} + cadence), the one training loop ({@code TrainLoop}: evaluate, step, log,
 * checkpoint) and its metrics writer ({@code MetricsLog}).
 *
 * <p>Its Spark side (replicas on executors or driver threads, the data-parallel step, checkpoints
 * and metrics on Hadoop) is org.lmforge.pipeline.train, which runs the same {@code TrainLoop}.
 */
package org.lmforge.model.train;
