package org.lmforge.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  /** {@code tokens}: a name under the temporary directory, where only stats.json exists. */
  @ParameterizedTest(name = "{0} --tokens {1}")
  @CsvSource({
    "pretrain, missing,    do not exist",
    "pretrain, stats.json, not a tokenize output",
    "sweep,    missing,    do not exist"
  })
  void badTokensAreOneLineAndWriteNothing(String command, String tokens, String expected)
      throws Exception {
    Files.writeString(tmp.resolve("stats.json"), "{}");
    Path out = tmp.resolve("out");
    assertOneLineError(
        run(
            command,
            "--tokens",
            tmp.resolve(tokens).toString(),
            "--output",
            out.toString(),
            "--master",
            "local[1]"),
        expected);
    assertFalse(Files.exists(out), "no output for a " + command + " that never started");
  }
}
