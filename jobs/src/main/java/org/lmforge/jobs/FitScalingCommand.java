package org.lmforge.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lmforge.pipeline.io.FileKind;
import org.lmforge.pipeline.job.UserError;
import org.lmforge.pipeline.scaling.FitOptions;
import org.lmforge.pipeline.scaling.ScalingFit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pipeline fit-scaling}: Chinchilla and Kaplan fits on any params,tokens,loss table. */
@Command(name = "fit-scaling", mixinStandardHelpOptions = true,
    description = "Fit L(N,D) = E + A/N^alpha + B/D^beta (Chinchilla approach 3, bootstrap CIs), Kaplan power "
        + "laws and IsoFLOP minima to a CSV with columns params,tokens,loss.")
public final class FitScalingCommand implements Callable<Integer> {
  @Option(names = "--input", required = true, paramLabel = "POINTS.csv") Path input;

  @Option(names = "--output", required = true, paramLabel = "FIT.json") Path output;

  @Override
  public Integer call() throws IOException {
    checkInput(input);
    if (Files.isDirectory(output)) {
      throw UserError.of("the fit's --output is a directory:", output.toString(), "give a file name, e.g. "
          + output.resolve("fit.json"));
    }
    // every point comes from the user's CSV: a table the fit rejects (columns, values, too few runs) is theirs to fix
    ScalingFit.Result r = UserError.fromIllegalArgument(() -> ScalingFit.fitCsv(input, output, FitOptions.defaults()));
    System.out.println("fit of " + r.points().size() + " runs (" + r.excluded().size() + " excluded): " + r.law());
    System.out.println("written to " + output);
    return 0;
  }

  private static void checkInput(Path input) throws IOException {
    String fix = "give a CSV with columns params,tokens,loss (e.g. a sweep's runs.csv)";
    if (!Files.exists(input)) {
      throw UserError.of("no such file:", input.toString(), fix);
    }
    if (Files.isDirectory(input)) {
      Path runs = input.resolve("runs.csv");
      throw UserError.of("a directory, not a CSV file:", input.toString(),
          Files.isRegularFile(runs) ? "did you mean --input " + runs + "?" : fix);
    }
    FileKind kind = FileKind.sniff(input);
    if (kind != FileKind.TEXT) {
      throw UserError.of("not a CSV file:", input + " is " + kind.description(), fix);
    }
  }
}
