package org.lmforge.model.train;

/**
 * One optimiser step's outcome and where its time went: {@code computeSeconds} the gradients (the
 * slowest replica of a data-parallel step), {@code syncSeconds} the rest of getting them
 * (scheduling, broadcast, shipping back, summing; 0 in one process), {@code updateSeconds} clip +
 * AdamW.
 */
public record StepResult(
    double loss,
    double gradNorm,
    double wallSeconds,
    double computeSeconds,
    double syncSeconds,
    double updateSeconds) {}
