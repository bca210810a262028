package org.lmforge.jobs;

import java.io.PrintWriter;
import org.lmforge.config.ConfigBinder.BadConfigException;
import org.lmforge.pipeline.io.MissingConnector;
import org.lmforge.pipeline.job.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * Entry point of the application jar: {@code spark-submit --class org.lmforge.jobs.Main
 * lmforge-jobs.jar <command> [options]}, or {@code bin/pipeline <command> [options]} on local[*]
 * without a Spark install.
 */
// scope INHERIT: every subcommand takes --help and --version from here, declared once
@Command(
    name = "pipeline",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    version = "lmforge 0.1.0",
    description = "Crawl dumps to a clean corpus, tokens, GPT pretraining and scaling laws.",
    subcommands = {
      AllCommand.class,
      DoctorCommand.class,
      CleanCommand.class,
      TokenizeCommand.class,
      PretrainCommand.class,
      SweepCommand.class,
      GenerateCommand.class,
      EvalCommand.class,
      TrainQualityCommand.class,
      FitScalingCommand.class,
      ReportCommand.class,
      TokenizerStatsCommand.class,
      ExtractHtmlCommand.class,
      SampleWarcCommand.class,
      ShowDocsCommand.class
    })
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  private static final int MAX_CAUSES = 12; // cause chains can loop

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command and returns its exit code: 0 ok, 2 bad input or configuration, 1 a failure. */
  public static int run(String... args) {
    return run(new PrintWriter(System.err, true), args);
  }

  static int run(PrintWriter err, String... args) {
    return execute(commandLine(err), args);
  }

  /**
   * Runs {@code cli}; picocli passes Errors through (an assertion inside Spark, out of memory), and
   * they are runtime failures like any other, not an uncaught trace.
   */
  static int execute(CommandLine cli, String... args) {
    try {
      return cli.execute(args);
    } catch (Error e) {
      return handle(e, cli.getErr());
    }
  }

  /**
   * Every command, writing errors to {@code err}; what a command throws becomes an exit code in
   * {@link #handle}.
   */
  static CommandLine commandLine(PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setHelpFactory(ReplacesHelp::new);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> handle(e, cmd.getErr()));
    return cli;
  }

  /**
   * The exit code of a command that threw, and what the person running it reads. A mistake they can
   * fix is one line, {@code error: <message>}, exit 2: a {@link UserError} (also one a Spark task
   * wrapped) or a bad setting ({@link BadConfigException}); picocli answers a wrong option itself,
   * with exit 2 and the usage. Anything else is a runtime failure, exit 1 (a lost cluster, a bug,
   * an IllegalArgumentException that no check turned into a UserError): its message and one line
   * per cause, and the full stack trace in the log, whose place is named ({@link LogDestination}).
   */
  static int handle(Throwable e, PrintWriter err) {
    Throwable user = userMistake(e);
    if (user != null) {
      err.println("error: " + message(user));
      return 2;
    }
    String log = LOG.isErrorEnabled() ? LogDestination.of(Main.class) : null;
    if (log != null) {
      LOG.error("the command failed", e);
    } else {
      e.printStackTrace(err); // no log would show it
    }
    err.println("failed: " + describe(e));
    int depth = 0;
    for (Throwable c = e.getCause(); c != null && depth < MAX_CAUSES; c = c.getCause(), depth++) {
      err.println("  caused by: " + describe(c));
    }
    err.println(
        log != null
            ? "(the full stack trace is logged by "
                + Main.class.getName()
                + " at ERROR to "
                + log
                + ")"
            : "(the full stack trace is above)");
    return 1;
  }

  private static Throwable userMistake(Throwable e) {
    int depth = 0;
    for (Throwable c = e; c != null && depth < MAX_CAUSES; c = c.getCause(), depth++) {
      if (c instanceof UserError || c instanceof BadConfigException) {
        return c;
      }
      UserError connector = MissingConnector.explain(c);
      if (connector != null) {
        return connector;
      }
    }
    return null;
  }

  private static String message(Throwable t) {
    return t.getMessage() == null || t.getMessage().isBlank()
        ? t.getClass().getSimpleName()
        : t.getMessage();
  }

  /** {@code Type: first line of the message}. */
  private static String describe(Throwable t) {
    String m = t.getMessage() == null ? "" : t.getMessage().strip();
    int nl = m.indexOf('\n');
    if (nl >= 0) {
      m = m.substring(0, nl) + " …";
    }
    return t.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + m);
  }
}
