package org.lmforge.pipeline.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.lmforge.analysis.report.Report;
import org.lmforge.pipeline.io.AtomicFile;
import org.lmforge.pipeline.job.DriverJob;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.job.UserError;
import org.lmforge.pipeline.sweep.SweepRunner;

/**
 * {@code pipeline report}, and the last step of a sweep: one self-contained HTML report of a
 * (local) sweep directory ({@link Report}). On the driver. Complete when the page is newer than
 * what it shows (runs.csv, the fit and the prediction).
 */
public final class ReportJob extends DriverJob<ReportJob.Config, Path> {
  /**
   * @param sweep the sweep directory (runs.csv, runs/, provenance/, prediction.json)
   * @param output the HTML file
   * @param budget compute budget (FLOPs) the report predicts the optimal N and D for
   */
  public record Config(Path sweep, Path output, double budget) {
    /** The report of {@code sweep} in its own directory. */
    public static Config of(Path sweep, double budget) {
      return new Config(sweep, sweep.resolve("report.html"), budget);
    }
  }

  public ReportJob(Config cfg) {
    super("report", cfg, Config::output);
  }

  @Override
  public void check(Configuration hadoop) {
    SweepInputs.check(cfg.sweep().toString());
    Path dir = cfg.sweep();
    List<Path> reads =
        new ArrayList<>(
            List.of(
                dir.resolve("runs.csv"),
                dir.resolve("fit.json"),
                dir.resolve("prediction.json"),
                dir.resolve(SweepRunner.PLAN),
                dir.resolve("provenance/clean-stats.json"),
                dir.resolve("provenance/tokenizer.json")));
    try (var runs = Files.list(dir.resolve(SweepRunner.RUNS))) {
      runs.forEach(r -> reads.add(r.resolve("metrics.jsonl")));
    } catch (IOException noRunsDirectory) {
      // a runs.csv alone (fit-scaling's input kind): nothing more is read
    }
    AtomicFile.requireFileTarget(
        cfg.output(), "the report's", "report.html", reads.toArray(Path[]::new));
  }

  @Override
  public boolean complete(Configuration hadoop) throws IOException {
    Path dir = cfg.sweep();
    return AtomicFile.upToDate(
        cfg.output(),
        dir.resolve("runs.csv"),
        dir.resolve("fit.json"),
        dir.resolve("prediction.json"));
  }

  @Override
  public Path run(SparkSession spark, Progress progress) throws IOException {
    // the runs.csv, metrics and --budget are the user's: what the report's reader rejects is theirs
    // to fix
    UserError.fromIllegalArgument(() -> Report.write(cfg.sweep(), cfg.output(), cfg.budget()));
    progress.printf(
        "report: %s (%d KiB)", cfg.output().toAbsolutePath(), Files.size(cfg.output()) / 1024);
    return cfg.output();
  }
}
