package org.lmforge.pipeline.sweep;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A console for one of several runs printing at once: whole lines, each prefixed with the run's id. */
final class Prefixed {
  private Prefixed() {}

  static PrintStream stream(PrintStream console, String runId) {
    OutputStream lines = new OutputStream() {
      private final ByteArrayOutputStream line = new ByteArrayOutputStream();

      @Override
      public void write(int b) {
        if (b == '\n') {
          String text = line.toString(StandardCharsets.UTF_8);
          line.reset();
          synchronized (console) {
            console.println("[" + runId + "] " + text);
          }
        } else {
          line.write(b);
        }
      }
    };
    return new PrintStream(lines, true, StandardCharsets.UTF_8);
  }
}
