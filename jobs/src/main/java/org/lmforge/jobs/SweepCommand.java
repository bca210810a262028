package org.lmforge.jobs;

import com.typesafe.config.Config;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.lmforge.config.ConfigBinder;
import org.lmforge.pipeline.io.HadoopConf;
import org.lmforge.pipeline.job.Job;
import org.lmforge.pipeline.sweep.SweepConfig;
import org.lmforge.pipeline.sweep.SweepJob;
import org.lmforge.pipeline.train.PretrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pipeline sweep}: plans and runs a scaling sweep (every point a data-parallel pretrain
 * run), writes runs.csv / runs.parquet, then, when the sweep directory is on the local file system,
 * fit.json, the held-out prediction run and the HTML report.
 */
@Command(
    name = "sweep",
    description =
        "Scaling sweep: IsoFLOP or grid plan of pretrain runs, resumable; then fits and the report.")
public final class SweepCommand implements Callable<Integer> {
  @Mixin JobOptions job = new JobOptions();

  @Option(
      names = "--tokens",
      paramLabel = "DIR",
      description = "Token shards; replaces sweep.tokens.")
  String tokens;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description = "Sweep directory; replaces sweep.output.")
  String output;

  @Option(
      names = "--clean-stats",
      paramLabel = "FILE",
      description = "The clean job's stats.json; replaces " + "sweep.cleanStats.")
  String cleanStats;

  @Option(
      names = "--overwrite",
      description =
          "Delete the sweep directory first (default: finished runs are "
              + "kept and skipped, unfinished ones resumed).")
  boolean overwrite;

  @Override
  public Integer call() throws Exception {
    // Every job runs: the sweep itself skips finished runs, and the fit, prediction and report are
    // redone.
    Launch.run("sweep", job.master(), sweepJobs(), false);
    return 0;
  }

  /**
   * The sweep, its fit, prediction run and report, as these options and conf/sweep.conf describe
   * them.
   */
  List<Job<?>> sweepJobs() throws IOException {
    Config c = JobConfig.load("sweep", job.configFile, job.overrides);
    SweepConfig s = ConfigBinder.bind(c, "sweep", SweepConfig.class);
    SweepConfig sweep =
        s.withPaths(
            tokens == null ? s.tokens() : tokens,
            output == null ? s.output() : output,
            cleanStats == null ? s.cleanStats() : cleanStats);
    PretrainConfig template = ConfigBinder.bind(c, "pretrain", PretrainConfig.class);
    return SweepJob.withFitAndReport(sweep, template, overwrite, HadoopConf.beforeSession());
  }
}
