package org.lmforge.pipeline.sweep;

import java.util.List;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.train.PretrainResult;

/**
 * The sweep's own progress line after each run: runs done, elapsed, and an ETA from the tokens
 * still to train (planned D of the remaining runs) at the token rate of the runs done so far in
 * this invocation. Tokens, not FLOPs: the small models a sweep starts with are bound by per-step
 * overhead, so their FLOP rate says nothing about the larger ones, while tokens per second vary far
 * less across the family.
 */
final class SweepProgress {
  private final Progress console;
  private final int total;
  private final double plannedTokens;
  private final long t0 = System.nanoTime();
  private int done;
  private double doneTokens;

  SweepProgress(List<SweepPoint> todo, Progress console) {
    this.console = console;
    this.total = todo.size();
    this.plannedTokens = todo.stream().mapToDouble(SweepPoint::tokens).sum();
  }

  synchronized void started(SweepPoint p, boolean resuming) {
    console.printf(
        "[%d/%d running] %s: N=%,d, D=%,d, C=%.2e, %d steps%s",
        done + 1,
        total,
        p.runId(),
        p.params(),
        p.tokens(),
        6.0 * p.params() * p.tokens(),
        p.steps(),
        resuming ? " (resuming)" : "");
  }

  synchronized void finished(SweepPoint p, PretrainResult r) {
    done++;
    doneTokens += p.tokens();
    double elapsed = (System.nanoTime() - t0) / 1e9;
    double eta = doneTokens > 0 ? elapsed * (plannedTokens - doneTokens) / doneTokens : Double.NaN;
    console.printf(
        "[%d/%d done] %s: val loss %.4f, %.4f bits/byte, %.0f s; sweep %s elapsed, ETA %s",
        done,
        total,
        p.runId(),
        r.finalValLoss(),
        r.bitsPerByte(),
        r.wallSeconds(),
        minutes(elapsed),
        minutes(eta));
  }

  static String minutes(double s) {
    if (!Double.isFinite(s)) return "?";
    long t = Math.round(s);
    return String.format("%dm%02ds", t / 60, t % 60);
  }
}
