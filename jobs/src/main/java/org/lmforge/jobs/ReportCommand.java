package org.lmforge.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lmforge.pipeline.job.UserError;
import org.lmforge.pipeline.report.Report;
import org.lmforge.pipeline.report.SweepInputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pipeline report}: one self-contained HTML report of a sweep directory. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write a self-contained HTML report (inline SVG plots) of a sweep directory.")
public final class ReportCommand implements Callable<Integer> {
  @Option(names = "--sweep", required = true, paramLabel = "DIR") Path sweep;

  @Option(names = "--output", paramLabel = "FILE.html", description = "Default: DIR/report.html.") Path output;

  @Option(names = "--budget", defaultValue = "1e21",
      description = "Compute budget (FLOPs) for the predicted optimal N and D (default ${DEFAULT-VALUE}).")
  double budget;

  @Override
  public Integer call() {
    SweepInputs.check(sweep.toString());
    Path out = output == null ? sweep.resolve("report.html") : output;
    if (Files.isDirectory(out)) {
      throw UserError.of("the report's --output is a directory:", out.toString(), "give a file name, e.g. "
          + out.resolve("report.html"));
    }
    // the runs.csv, metrics and --budget are the user's: what the report's reader rejects is theirs to fix
    UserError.fromIllegalArgument(() -> Report.write(sweep, out, budget));
    System.out.println("report: " + out.toAbsolutePath());
    return 0;
  }
}
