package org.lmforge.pipeline.sweep;

/**
 * One planned run: a shape trained for {@code steps} optimiser steps of {@code tokensPerStep}
 * tokens.
 *
 * @param params non-embedding parameters N (what the fits use)
 * @param paramsTotal all parameters, the tied embedding counted once
 * @param budgetFlops the budget the point was planned for (isoflop), or 6·N·D (grid): groups
 *     IsoFLOP profiles
 * @param tokens D actually trained on: steps x tokens per step
 */
public record SweepPoint(
    String runId,
    SweepConfig.Shape shape,
    long params,
    long paramsTotal,
    double budgetFlops,
    long tokens,
    int steps) {}
