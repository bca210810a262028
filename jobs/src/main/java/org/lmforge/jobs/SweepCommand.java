package org.lmforge.jobs;

import com.typesafe.config.Config;
import java.io.IOException;
import java.util.List;
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
public final class SweepCommand extends JobCommand {
  @Mixin TokensAndOutput paths = new TokensAndOutput(); // the output: the sweep directory

  @Option(names = "--clean-stats", paramLabel = "FILE", description = "The clean job's stats.json.")
  @Replaces("cleanStats")
  String cleanStats;

  @Option(
      names = "--overwrite",
      description =
          "Delete the sweep directory first (default: finished runs are "
              + "kept and skipped, unfinished ones resumed).")
  boolean overwrite;

  /**
   * The sweep, its fit, prediction run and report, as these options and conf/sweep.conf describe
   * them. Every job runs: the sweep itself skips finished runs, and the fit, prediction and report
   * are redone.
   */
  @Override
  List<Job<?>> jobs() throws IOException {
    Config c = config();
    SweepConfig sweep = ConfigBinder.bind(c, "sweep", SweepConfig.class);
    PretrainConfig template = ConfigBinder.bind(c, "pretrain", PretrainConfig.class);
    return SweepJob.withFitAndReport(sweep, template, overwrite, HadoopConf.beforeSession());
  }
}
