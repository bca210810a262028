package org.lmforge.jobs;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.lmforge.pipeline.Sessions;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.report.Report;
import org.lmforge.pipeline.scaling.FitOptions;
import org.lmforge.pipeline.scaling.ScalingFit;
import org.lmforge.pipeline.sweep.SweepConfig;
import org.lmforge.pipeline.sweep.SweepPrediction;
import org.lmforge.pipeline.sweep.SweepRunner;
import org.lmforge.pipeline.io.HadoopConf;
import org.lmforge.pipeline.train.PretrainConfig;
import org.lmforge.pipeline.train.PretrainInputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pipeline sweep}: plans and runs a scaling sweep (every point a data-parallel pretrain run), writes
 * runs.csv / runs.parquet, then, when the sweep directory is on the local file system, fit.json and the HTML
 * report.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = "Scaling sweep: IsoFLOP or grid plan of pretrain runs, resumable; then fits and the report.")
public final class SweepJob implements Callable<Integer> {
  @Mixin JobOptions job = new JobOptions();

  @Option(names = "--tokens", paramLabel = "DIR", description = "Token shards; replaces sweep.tokens.") String tokens;

  @Option(names = "--output", paramLabel = "DIR", description = "Sweep directory; replaces sweep.output.")
  String output;

  @Option(names = "--clean-stats", paramLabel = "FILE", description = "The clean job's stats.json; replaces "
      + "sweep.cleanStats.") String cleanStats;

  @Option(names = "--overwrite", description = "Delete the sweep directory first (default: finished runs are "
      + "kept and skipped, unfinished ones resumed).") boolean overwrite;

  @Override
  public Integer call() throws Exception {
    Config c = JobConfig.load("sweep", job.configFile, job.overrides);
    SweepConfig s = ConfigBinder.bind(c, "sweep", SweepConfig.class);
    SweepConfig sweep = s.withPaths(tokens == null ? s.tokens() : tokens, output == null ? s.output() : output,
        cleanStats == null ? s.cleanStats() : cleanStats);
    PretrainConfig template = ConfigBinder.bind(c, "pretrain", PretrainConfig.class);
    PretrainInputs.check(sweep.tokens(), HadoopConf.beforeSession());
    try (SparkSession spark = Sessions.create("lmforge-sweep", job.master())) {
      org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(sweep.output());
      FileSystem fs = out.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (overwrite && fs.exists(out)) fs.delete(out, true);
      SweepRunner.Result r = SweepRunner.run(spark, sweep, template, Progress.to(System.out));
      System.out.printf("sweep: %d runs (%d run now), table %s%n", r.points().size(), r.ranNow(), r.runsCsv());
      if (!"file".equals(fs.getScheme())) {
        System.out.println("the sweep directory is not local: copy it here and run bin/pipeline report --sweep DIR");
        return 0;
      }
      Path dir = Path.of(fs.makeQualified(out).toUri());
      ScalingFit.Result fit = null;
      try {
        fit = ScalingFit.fitCsv(dir.resolve("runs.csv"), dir.resolve("fit.json"), FitOptions.defaults());
        System.out.println("fit of " + fit.points().size() + " runs: " + fit.law() + " -> " + dir.resolve("fit.json"));
      } catch (IllegalArgumentException tooFew) {
        System.out.println("no fit.json: " + tooFew.getMessage());
      }
      if (fit != null && sweep.predict().enabled()) {
        SweepPrediction.Prediction p = SweepPrediction.run(spark, sweep, template, fit, Progress.to(System.out));
        SweepPrediction.attach(dir.resolve("fit.json"), p);
      }
      Path html = dir.resolve("report.html");
      Report.write(dir, html, sweep.reportBudget());
      System.out.println("report: " + html + " (" + Files.size(html) / 1024 + " KiB)");
    }
    return 0;
  }
}
