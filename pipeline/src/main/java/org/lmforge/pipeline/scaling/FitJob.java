package org.lmforge.pipeline.scaling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.lmforge.analysis.scaling.FitOptions;
import org.lmforge.analysis.scaling.ScalingFit;
import org.lmforge.pipeline.io.AtomicFile;
import org.lmforge.pipeline.io.FileKind;
import org.lmforge.pipeline.job.DriverJob;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.job.UserError;

/**
 * {@code pipeline fit-scaling}, and the fit step of a sweep: every scaling-law fit of a
 * params,tokens,loss table ({@link ScalingFit}) written to a JSON file. On the driver, local files
 * only. Complete when the JSON is newer than the table.
 */
public final class FitJob extends DriverJob<FitJob.Config, ScalingFit.Result> {
  /**
   * @param input a CSV with columns params,tokens,loss (a sweep's runs.csv)
   * @param output the JSON file written
   * @param required false in a sweep's chain: a table too small to fit leaves no output (the report
   *     says why) instead of failing the chain
   */
  public record Config(Path input, Path output, FitOptions options, boolean required) {}

  private ScalingFit.Result result;

  public FitJob(Config cfg) {
    super("fit-scaling", cfg, Config::output);
  }

  /** The fit of the last {@link #run}; null before it, or when the table was too small to fit. */
  public ScalingFit.Result result() {
    return result;
  }

  @Override
  public void check(Configuration hadoop) throws IOException {
    Path input = cfg.input();
    String fix = "give a CSV with columns params,tokens,loss (e.g. a sweep's runs.csv)";
    UserError.requireExists(input, "file", fix);
    if (Files.isDirectory(input)) {
      Path runs = input.resolve("runs.csv");
      throw UserError.of(
          "a directory, not a CSV file:",
          input.toString(),
          Files.isRegularFile(runs) ? "did you mean --input " + runs + "?" : fix);
    }
    FileKind kind = FileKind.sniff(input);
    if (kind != FileKind.TEXT) {
      throw UserError.of("not a CSV file:", input + " is " + kind.description(), fix);
    }
    AtomicFile.requireFileTarget(cfg.output(), "the fit's", "fit.json", input);
  }

  @Override
  public boolean complete(Configuration hadoop) throws IOException {
    return AtomicFile.upToDate(cfg.output(), cfg.input());
  }

  @Override
  public ScalingFit.Result run(SparkSession spark, Progress progress) throws IOException {
    result = null;
    try {
      result = ScalingFit.fitCsv(cfg.input(), cfg.output(), cfg.options());
    } catch (IllegalArgumentException tooFew) {
      // every point comes from the user's CSV: a table the fit rejects (columns, values, too few
      // runs) is theirs to fix
      if (cfg.required()) throw new UserError(tooFew.getMessage(), tooFew);
      Files.deleteIfExists(
          cfg.output()); // a fit of an earlier, different table would no longer be this one's
      progress.line("no " + cfg.output().getFileName() + ": " + tooFew.getMessage());
      return null;
    }
    progress.line(
        "fit of "
            + result.points().size()
            + " runs ("
            + result.excluded().size()
            + " excluded): "
            + result.law().describe()
            + " -> "
            + cfg.output());
    String unidentified = result.identificationWarning();
    if (!unidentified.isEmpty()) progress.line("WARNING: " + unidentified);
    return result;
  }
}
