package org.lmforge.jobs;

import org.lmforge.jobs.ConfigBinder.BadConfigException;
import org.lmforge.pipeline.job.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the application jar: {@code spark-submit --class org.lmforge.jobs.Main lmforge-jobs.jar
 * <command> [options]}, or {@code bin/pipeline <command> [options]} on local[*] without a Spark install.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true, version = "lmforge 0.1.0",
    description = "Crawl dumps to a clean corpus, tokens, GPT pretraining and scaling laws.",
    subcommands = {AllCommand.class, CleanJob.class, TokenizeJob.class, PretrainJob.class, SweepJob.class, TrainQualityCommand.class, FitScalingCommand.class, ReportCommand.class, TokenizerStatsCommand.class,
        ExtractHtmlCommand.class, SampleWarcCommand.class, ShowDocsCommand.class, CleanBench.class})
public final class Main {
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command and returns its exit code: 0 ok, 2 bad input or configuration, 1 a failure. */
  public static int run(String... args) {
    return run(new java.io.PrintWriter(System.err, true), args);
  }

  static int run(java.io.PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof UserError || e instanceof BadConfigException || e instanceof IllegalArgumentException
          || e instanceof IllegalStateException) {
        cmd.getErr().println("error: " + e.getMessage());
        return 2;
      }
      throw e;
    });
    return cli.execute(args);
  }
}
