package org.lmforge.pipeline.job;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Where a job reports progress for the person running it (stage starts, per-step lines, ETAs,
 * results). One way for every job: jobs never print to {@code System.out} themselves; the command
 * line passes the console, tests pass a buffer or {@link #quiet()}. Diagnostics for operators go to
 * the log (slf4j), not here.
 */
@FunctionalInterface
public interface Progress {
  void line(String text);

  default void printf(String format, Object... args) {
    String s = String.format(Locale.ROOT, format, args);
    line(s.endsWith("\n") ? s.substring(0, s.length() - 1) : s);
  }

  /**
   * Lines of one of several tasks reporting at once (the runs of a sweep), each prefixed with
   * {@code [id] } and written whole.
   */
  default Progress prefixed(String id) {
    return line -> {
      synchronized (this) {
        line("[" + id + "] " + line);
      }
    };
  }

  static Progress to(PrintStream out) {
    return out::println;
  }

  static Progress quiet() {
    return line -> {};
  }
}
