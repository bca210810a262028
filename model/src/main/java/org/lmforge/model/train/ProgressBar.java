package org.lmforge.model.train;

import java.io.PrintStream;

/** One console line per logged step: a 30-character bar, then the step's figures. */
final class ProgressBar {
  private final PrintStream out;
  private final long total;

  ProgressBar(PrintStream out, long total) {
    this.out = out;
    this.total = Math.max(1, total);
  }

  void show(long step, String figures) {
    int filled = (int) Math.min(30, 30 * step / total);
    out.printf("[%s%s] %d/%d %s%n", "#".repeat(filled), ".".repeat(30 - filled), step, total, figures);
    out.flush();
  }
}
