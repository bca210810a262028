package org.lmforge.jobs;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lmforge.analysis.scaling.FitOptions;
import org.lmforge.config.ConfigBinder;
import org.lmforge.pipeline.job.UserError;
import org.lmforge.pipeline.scaling.FitJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pipeline fit-scaling}: Chinchilla and Kaplan fits on any params,tokens,loss table. */
@Command(
    name = "fit-scaling",
    description =
        "Fit L(N,D) = E + A/N^alpha + B/D^beta (Chinchilla approach 3) and Kaplan's joint "
            + "L(N,D) = ((N_c/N)^(alpha_N/alpha_D) + D_c/D)^alpha_D, with bootstrap CIs, Kaplan power laws and IsoFLOP "
            + "minima, to a CSV of runs with columns params,tokens,loss (a sweep's runs.csv, or a"
            + " published table: N,D,L headers and counts such as 70B or 1.4T are read).")
public final class FitScalingCommand implements Callable<Integer>, SettingsCommand {
  @Mixin ConfOptions settings = new ConfOptions();

  @Option(names = "--input", required = true, paramLabel = "POINTS.csv", description = "The runs.")
  Path input;

  @Option(names = "--output", required = true, paramLabel = "FIT.json", description = "The fit.")
  Path output;

  @Option(
      names = "--law",
      paramLabel = "auto|chinchilla|kaplan",
      description =
          "The form used for the compute-optimal table: auto takes the one that better "
              + "forecasts the largest budget's runs from the others; both are always fitted.")
  @Replaces("law")
  String law;

  @Override
  public Integer call() throws IOException {
    if (law != null) requireLaw(law); // a mistake names --law, not the setting it replaces
    Config c = settings.load(section(), this);
    FitOptions options = ConfigBinder.bind(c, section(), FitOptions.class);
    System.out.println(JobConfig.render(c, section()));
    Launch.run("fit-scaling", null, new FitJob(new FitJob.Config(input, output, options, true)));
    return 0;
  }

  /** The settings are {@code fit} of conf/fit.conf, which the sweep's fit reads too. */
  @Override
  public String section() {
    return "fit";
  }

  static void requireLaw(String name) {
    for (FitOptions.Law l : FitOptions.Law.values()) {
      if (l.name().equalsIgnoreCase(name)) return;
    }
    throw UserError.of(
        "--law must be auto, chinchilla or kaplan:", "got '" + name + "'", "pick one of the three");
  }
}
