package org.lmforge.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lmforge.pipeline.scaling.FitJob;
import org.lmforge.pipeline.scaling.FitOptions;
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
    Launch.run("fit-scaling", null, new FitJob(new FitJob.Config(input, output, FitOptions.defaults(), true)));
    return 0;
  }
}
