package org.lmforge.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.jobs.BadInputTest.Outcome;
import org.lmforge.pipeline.job.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Main's exit codes through the command line itself: 1 for a runtime failure, with its cause chain
 * on the console and its stack trace in the log the console names; 2 for what the user can fix, one
 * line. The failures come from a command added for the test, so that each is exactly the exception
 * a real job would throw.
 */
class ExitCodesTest {
  @TempDir Path tmp;

  /**
   * Fails like the pretrain driver after its last recovery, or like a bug, or like a user's
   * mistake.
   */
  @Command(name = "fail")
  static final class Failing implements Callable<Integer> {
    @Option(names = "--as")
    String as = "cluster";

    @Override
    public Integer call() {
      IOException lost =
          new IOException("lost executor 3", new ConnectException("connection refused"));
      switch (as) {
        case "bug" -> throw new IllegalArgumentException("row -1 of a 16-row batch", lost);
        case "user" ->
            throw UserError.of("the output already exists:", "/tmp/x", "pass --overwrite");
        default ->
            throw new IllegalStateException(
                "step 7 failed and pretrain.maxRecoveries=2 recoveries are used "
                    + "up; the last checkpoint is /runs/r1/checkpoints/last.ckpt",
                lost);
      }
    }
  }

  static Outcome run(String... args) {
    StringWriter err = new StringWriter();
    PrintWriter w = new PrintWriter(err, true);
    CommandLine cli = Main.commandLine(w).addSubcommand(new Failing());
    cli.setErr(w); // again: it reaches only the subcommands already added
    return new Outcome(cli.execute(args), err.toString(), "");
  }

  @Test
  void aRuntimeFailureExitsOneWithItsCauseChainAndTheTraceInTheNamedLog() throws IOException {
    // The driver's log as a cluster would configure it: a file, besides this build's stderr.
    Path logFile = tmp.resolve("driver.log");
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    LoggerConfig logger = ctx.getConfiguration().getLoggerConfig(Main.class.getName());
    FileAppender file =
        FileAppender.newBuilder()
            .withFileName(logFile.toString())
            .setName("driver-log")
            .setLayout(PatternLayout.createDefaultLayout())
            .setConfiguration(ctx.getConfiguration())
            .build();
    file.start();
    logger.addAppender(file, Level.ERROR, null);
    ctx.updateLoggers();
    Outcome o;
    try {
      o = run("fail");
    } finally {
      logger.removeAppender("driver-log");
      ctx.updateLoggers();
      file.stop();
    }

    assertEquals(1, o.code(), o.err());
    assertEquals(
        List.of(
            "failed: IllegalStateException: step 7 failed and pretrain.maxRecoveries=2 recoveries are "
                + "used up; the last checkpoint is /runs/r1/checkpoints/last.ckpt",
            "  caused by: IOException: lost executor 3",
            "  caused by: ConnectException: connection refused",
            "(the full stack trace is logged by org.lmforge.jobs.Main at ERROR to "
                + logFile
                + " and stderr)"),
        o.err().lines().toList());
    String log = Files.readString(logFile);
    assertTrue(
        log.contains("the command failed")
            && log.contains("java.lang.IllegalStateException: step 7 failed")
            && log.contains("at org.lmforge.jobs.ExitCodesTest$Failing.call")
            && log.contains("Caused by: java.net.ConnectException: connection refused"),
        log);
  }

  @Test
  void anIllegalArgumentNoCheckClaimedIsARuntimeFailureNotBadInput() {
    Outcome o = run("fail", "--as", "bug");
    assertEquals(1, o.code(), o.err());
    assertTrue(
        o.err().startsWith("failed: IllegalArgumentException: row -1 of a 16-row batch\n"),
        o.err());
    assertTrue(o.err().contains("  caused by: IOException: lost executor 3"), o.err());
  }

  @Test
  void whatTheUserCanFixExitsTwoInOneLine() {
    BadInputTest.assertUserError(
        run("fail", "--as", "user"), "the output already exists: /tmp/x; pass --overwrite");
    // a bad setting (config binding) and a wrong option (picocli: the message, then the usage)
    BadInputTest.assertUserError(run("clean", "--conf", "clean.dedup.keep=oldest"), "dedup.keep");
    Outcome wrongOption = run("fail", "--with", "x");
    assertEquals(2, wrongOption.code(), wrongOption.err());
    assertTrue(wrongOption.err().startsWith("Unknown options: '--with', 'x'"), wrongOption.err());
  }
}
