package org.lmforge.pipeline.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.lmforge.analysis.scaling.FitOptions;
import org.lmforge.pipeline.io.AtomicOutput;
import org.lmforge.pipeline.io.InputFiles;
import org.lmforge.pipeline.job.Job;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.job.RecordedSettings;
import org.lmforge.pipeline.job.UserError;
import org.lmforge.pipeline.report.ReportJob;
import org.lmforge.pipeline.scaling.FitJob;
import org.lmforge.pipeline.train.PretrainConfig;
import org.lmforge.pipeline.train.PretrainInputs;

/**
 * {@code pipeline sweep}: plans and runs a scaling sweep, every point a data-parallel pretrain run
 * ({@link SweepRunner}), into a directory written in place: finished runs are kept and skipped, an
 * unfinished one resumes from its checkpoint, {@code overwrite} deletes it all first. Complete when
 * every planned run finished for this plan (the marker is written after the last run; a changed
 * {@code sweep} block re-plans, adding runs). {@link #withFitAndReport} makes it the first of the
 * jobs the command runs: fit, prediction run, report.
 *
 * @param template every run's settings; the plan replaces shape and length
 */
public record SweepJob(SweepConfig sweep, PretrainConfig template, boolean overwrite)
    implements Job<SweepRunner.Result> {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The sweep, then, when its directory is on the local file system (the fits and the report read
   * it with java.nio), the fit of runs.csv to fit.json, the held-out prediction run (when {@code
   * sweep.predict} asks for one) and report.html.
   */
  public static List<Job<?>> withFitAndReport(
      SweepConfig sweep, PretrainConfig template, boolean overwrite, Configuration hadoop)
      throws IOException {
    List<Job<?>> jobs = new ArrayList<>(List.of(new SweepJob(sweep, template, overwrite)));
    java.nio.file.Path dir = localDir(sweep, hadoop);
    if (dir == null) return jobs;
    FitJob fit =
        new FitJob(
            new FitJob.Config(
                dir.resolve("runs.csv"), dir.resolve("fit.json"), FitOptions.defaults(), false));
    jobs.add(fit);
    if (sweep.predict().enabled()) jobs.add(new PredictionJob(sweep, template, fit));
    jobs.add(new ReportJob(ReportJob.Config.of(dir, sweep.reportBudget())));
    return jobs;
  }

  /** The sweep directory as a local path, or null when it is on another file system. */
  static java.nio.file.Path localDir(SweepConfig sweep, Configuration hadoop) throws IOException {
    Path out = InputFiles.path(sweep.output(), "sweep.output");
    FileSystem fs = out.getFileSystem(hadoop);
    return "file".equals(fs.getScheme())
        ? java.nio.file.Path.of(fs.makeQualified(out).toUri())
        : null;
  }

  @Override
  public String name() {
    return "sweep";
  }

  /** Every run again: the finished ones were trained on the tokens of before. */
  @Override
  public SweepJob replacingOutput() {
    return new SweepJob(sweep, template, true);
  }

  @Override
  public String output() {
    return sweep.output();
  }

  @Override
  public void check(Configuration hadoop) throws IOException {
    AtomicOutput.checkPlace(sweep.output(), List.of(sweep.tokens()), hadoop, "sweep.output");
    PretrainInputs.check(sweep.tokens(), hadoop);
    if (!overwrite) refuseAnotherKindOfDirectory(hadoop);
  }

  /**
   * A sweep resumes in its directory, so an existing one is taken as a sweep to continue; one that
   * holds something but no plan (a pretrain run, a clean output, other files) is not a sweep, and
   * writing the sweep's runs into it would mix the two.
   */
  private void refuseAnotherKindOfDirectory(Configuration hadoop) throws IOException {
    Path out = new Path(sweep.output());
    FileSystem fs = out.getFileSystem(hadoop);
    if (!fs.exists(out) || !fs.getFileStatus(out).isDirectory()) return;
    if (fs.exists(new Path(out, SweepRunner.PLAN))) return;
    // side files do not count: a killed sweep's lapsed claim (_WRITING), Hadoop's .crc files
    FileStatus[] held =
        fs.listStatus(out, p -> !p.getName().startsWith("_") && !p.getName().startsWith("."));
    if (held.length == 0) return;
    throw UserError.of(
        "the sweep output holds something that is not a sweep:",
        out
            + " (sweep.output) has no "
            + SweepRunner.PLAN
            + " but holds "
            + held[0].getPath().getName()
            + (held.length > 1 ? " and " + (held.length - 1) + " more" : ""),
        "choose another --output, or pass --overwrite to replace it");
  }

  /**
   * The marker, and plan.json planned from this {@code sweep} block and these {@code pretrain}
   * settings (a plan.json written before it recorded them: the sweep block alone). With other
   * pretrain settings the sweep is not complete, and its run refuses the finished runs that differ.
   */
  @Override
  public boolean complete(Configuration hadoop) throws IOException {
    Path out = new Path(sweep.output());
    FileSystem fs = out.getFileSystem(hadoop);
    Path plan = new Path(out, SweepRunner.PLAN);
    if (!AtomicOutput.isComplete(fs, out) || !fs.exists(plan)) return false;
    JsonNode planned;
    try (InputStream in = fs.open(plan)) {
      planned = JSON.readTree(in);
    }
    JsonNode made = planned.get(SweepRunner.TEMPLATE);
    return RecordedSettings.tree(sweep).equals(planned.get("config"))
        && (made == null
            || RecordedSettings.differences(
                    "pretrain",
                    made,
                    RecordedSettings.tree(template),
                    SweepRunner.NOT_RESULT_SETTINGS)
                .isEmpty());
  }

  @Override
  public SweepRunner.Result run(SparkSession spark, Progress progress) throws IOException {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    SweepRunner.Result r;
    try (AtomicOutput out = AtomicOutput.inPlace(sweep.output(), overwrite, hadoop)) {
      r = SweepRunner.run(spark, sweep, template, progress);
      out.commit();
    }
    progress.printf(
        "sweep: %d runs (%d run now), table %s", r.points().size(), r.ranNow(), r.runsCsv());
    if (localDir(sweep, hadoop) == null) {
      progress.line(
          "the sweep directory is not local: copy it here and run bin/pipeline report --sweep DIR");
    }
    return r;
  }
}
