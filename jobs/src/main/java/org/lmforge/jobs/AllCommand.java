package org.lmforge.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lmforge.pipeline.clean.CleanJob;
import org.lmforge.pipeline.job.Job;
import org.lmforge.pipeline.tokenize.TokenizeJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pipeline all}: the whole chain, clean -> tokenize -> sweep (pretrain runs) -> fits ->
 * prediction run -> report, each stage the same job as when run alone, wired output to input. A
 * stage whose output is complete is kept (re-running after a kill continues where it stopped; the
 * sweep resumes run by run) unless --overwrite.
 */
@Command(
    name = "all",
    description =
        "Run clean, tokenize, a scaling sweep, the fits and the report, one after another.")
public final class AllCommand implements Callable<Integer> {
  @Mixin JobOptions job = new JobOptions();

  @Mixin CleanInputs input = new CleanInputs(); // what clean reads: the chain's input

  @Option(
      names = "--overwrite",
      description = "Redo every stage (default: complete outputs are kept).")
  boolean overwrite;

  @Override
  public Integer call() throws Exception {
    List<Job<?>> jobs = jobs();
    long t0 = System.nanoTime();
    Launch.run("all", job.master(), jobs, !overwrite);
    String sweepDir = jobs.get(2).output();
    System.out.printf(
        "%nall stages done in %.1f min; the report: %s%n",
        (System.nanoTime() - t0) / 6e10, Path.of(sweepDir, "report.html").toAbsolutePath());
    return 0;
  }

  /** Clean, tokenize, then the sweep's jobs (the sweep first), each output wired to the next. */
  List<Job<?>> jobs() throws java.io.IOException {
    CleanCommand clean = new CleanCommand();
    clean.job = job;
    clean.input = input;
    clean.replace.overwrite = overwrite;
    CleanJob cleanJob = clean.cleanJob();

    TokenizeCommand tokenize = new TokenizeCommand();
    tokenize.job = job;
    tokenize.replace.overwrite = overwrite;
    tokenize.inputs = List.of(cleanJob.output() + "/docs");
    TokenizeJob tokenizeJob = tokenize.tokenizeJob();

    SweepCommand sweep = new SweepCommand();
    sweep.job = job;
    sweep.overwrite = overwrite;
    sweep.paths.tokens = tokenizeJob.output();
    sweep.cleanStats = cleanJob.output() + "/stats.json";
    List<Job<?>> sweepJobs = sweep.jobs();
    List<Job<?>> jobs = new ArrayList<>(List.of(cleanJob, tokenizeJob));
    jobs.addAll(sweepJobs);
    return jobs;
  }
}
