package org.lmforge.jobs;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lmforge.pipeline.report.ReportJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pipeline report}: one self-contained HTML report of a sweep directory. */
@Command(
    name = "report",
    description = "Write a self-contained HTML report (inline SVG plots) of a sweep directory.")
public final class ReportCommand implements Callable<Integer> {
  @Option(names = "--sweep", required = true, paramLabel = "DIR", description = "Sweep directory.")
  Path sweep;

  @Option(names = "--output", paramLabel = "FILE.html", description = "Default: DIR/report.html.")
  Path output;

  @Option(
      names = "--budget",
      defaultValue = "1e21",
      description =
          "Compute budget (FLOPs) for the predicted optimal N and D (default ${DEFAULT-VALUE}).")
  double budget;

  @Override
  public Integer call() throws Exception {
    Launch.run(
        "report",
        null,
        new ReportJob(
            new ReportJob.Config(
                sweep, output == null ? sweep.resolve("report.html") : output, budget)));
    return 0;
  }
}
