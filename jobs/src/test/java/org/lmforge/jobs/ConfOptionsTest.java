package org.lmforge.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The settings options handed on as a command line (CleanBench gives them to the clean command).
 */
class ConfOptionsTest {
  @Test
  void argsAreTheSettingsAsGivenWithTheConfigFileFirst() {
    ConfOptions given = new ConfOptions();
    new CommandLine(given)
        .parseArgs("--conf", "clean.output=/tmp/a", "--config", "my.conf", "--conf", "a.b=1");
    assertEquals(
        List.of("--config", "my.conf", "--conf", "clean.output=/tmp/a", "--conf", "a.b=1"),
        given.args());
  }

  @Test
  void argsOfNoSettingsAreEmpty() {
    ConfOptions none = new ConfOptions();
    new CommandLine(none).parseArgs();
    assertEquals(List.of(), none.args());
  }

  @Test
  void anotherCommandGivenTheArgsBindsTheSameSettings() {
    ConfOptions given = new ConfOptions();
    new CommandLine(given).parseArgs("--conf", "clean.output=/tmp/elsewhere");
    CleanCommand clean = new CleanCommand();
    new CommandLine(clean).parseArgs(given.args().toArray(String[]::new));
    assertEquals("/tmp/elsewhere", clean.cleanJob().config().output());
  }
}
