package org.lmforge.model.gpt;

import java.io.PrintStream;

/**
 * SameDiff 1.0.0-M2.1 prints "Added differentiated op ..." to System.out for every op of every
 * layer the first time each layer builds its backward graph: dozens of lines per model replica,
 * drowning a job's progress lines. It offers no switch, so System.out is wrapped once with a stream
 * that drops exactly those lines.
 */
final class SameDiffChatter {
  private static final String PREFIX = "Added differentiated op ";

  private SameDiffChatter() {}

  static synchronized void silence() {
    if (System.out instanceof Filter) return;
    System.setOut(new Filter(System.out));
  }

  private static final class Filter extends PrintStream {
    Filter(PrintStream out) {
      super(out, true);
    }

    @Override
    public void println(String x) {
      if (x == null || !x.startsWith(PREFIX)) super.println(x);
    }
  }
}
