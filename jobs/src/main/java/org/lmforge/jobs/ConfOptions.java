package org.lmforge.jobs;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The settings options: a user file and key overrides on top of the command's {@code conf/} file.
 */
public class ConfOptions {
  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description = "Override a configuration key, e.g. --conf clean.output=/tmp/out (repeatable).")
  public List<String> overrides = new ArrayList<>();

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A HOCON file with overrides of the defaults.")
  public String configFile;

  /** The settings of {@code job}: conf/{@code job}.conf, then --config, then --conf. */
  public Config load(String job) {
    return JobConfig.load(job, configFile, overrides);
  }

  /** These options as a command line, to give another command the same settings. */
  public List<String> args() {
    List<String> args = new ArrayList<>();
    if (configFile != null) {
      args.addAll(List.of("--config", configFile));
    }
    overrides.forEach(o -> args.addAll(List.of("--conf", o)));
    return args;
  }
}
