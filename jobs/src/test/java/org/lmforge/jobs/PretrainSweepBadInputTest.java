package org.lmforge.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pretrain and sweep commands on token inputs a user gets wrong: one line, exit 2, nothing
 * written.
 */
class PretrainSweepBadInputTest {
  @TempDir Path tmp;

  private String[] run(String... args) {
    StringWriter err = new StringWriter();
    int rc = Main.run(new PrintWriter(err, true), args);
    return new String[] {Integer.toString(rc), err.toString()};
  }

  private static void assertOneLineError(String[] r, String expected) {
    assertEquals("2", r[0], r[1]);
    assertTrue(r[1].startsWith("error: ") && r[1].contains(expected), r[1]);
    assertFalse(r[1].contains("Exception") || r[1].contains("\tat "), r[1]);
    assertEquals(1, r[1].strip().lines().count(), r[1]);
  }

  @Test
  void pretrainOnMissingOrWrongKindTokensIsOneLineAndWritesNothing() throws Exception {
    Path out = tmp.resolve("run");
    assertOneLineError(
        run(
            "pretrain",
            "--tokens",
            tmp.resolve("missing").toString(),
            "--output",
            out.toString(),
            "--master",
            "local[1]"),
        "do not exist");
    Files.writeString(tmp.resolve("stats.json"), "{}");
    assertOneLineError(
        run(
            "pretrain",
            "--tokens",
            tmp.resolve("stats.json").toString(),
            "--output",
            out.toString(),
            "--master",
            "local[1]"),
        "not a tokenize output");
    assertFalse(Files.exists(out), "no run directory for a run that never started");
  }

  @Test
  void sweepOnMissingTokensIsOneLineAndWritesNothing() {
    Path out = tmp.resolve("sweep");
    assertOneLineError(
        run(
            "sweep",
            "--tokens",
            tmp.resolve("missing").toString(),
            "--output",
            out.toString(),
            "--master",
            "local[1]"),
        "do not exist");
    assertFalse(Files.exists(out));
  }
}
