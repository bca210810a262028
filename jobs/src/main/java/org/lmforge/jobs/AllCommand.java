package org.lmforge.jobs;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pipeline all}: the whole chain, clean -> tokenize -> sweep (pretrain runs) -> fits -> report, each
 * stage the same job as when run alone, wired output to input. A stage whose output is complete is skipped
 * (re-running after a kill continues where it stopped; the sweep resumes run by run) unless --overwrite.
 */
@Command(name = "all", mixinStandardHelpOptions = true,
    description = "Run clean, tokenize, a scaling sweep, the fits and the report, one after another.")
public final class AllCommand implements Callable<Integer> {
  @Mixin JobOptions job = new JobOptions();

  @Option(names = "--overwrite", description = "Redo every stage (default: complete outputs are kept).")
  boolean overwrite;

  @Override
  public Integer call() {
    Config cfg = JobConfig.load("sweep", job.configFile, job.overrides);   // for the sweep's output only
    String clean = JobConfig.load("clean", job.configFile, job.overrides).getString("clean.output");
    String tokens = JobConfig.load("tokenize", job.configFile, job.overrides).getString("tokenize.output");
    String sweep = cfg.getString("sweep.output");
    long t0 = System.nanoTime();

    if (overwrite || !Files.exists(Path.of(clean, "_COMPLETE"))) {
      int rc = Main.run(args("clean", overwrite));
      if (rc != 0) return rc;
    } else {
      System.out.println("clean: " + clean + " is complete, kept (--overwrite redoes it)");
    }
    if (overwrite || !Files.exists(Path.of(tokens, "manifest.json"))) {
      int rc = Main.run(args("tokenize", overwrite, "--input", clean + "/docs", "--output", tokens));
      if (rc != 0) return rc;
    } else {
      System.out.println("tokenize: " + tokens + " is complete, kept");
    }
    int rc = Main.run(args("sweep", overwrite, "--tokens", tokens, "--clean-stats", clean + "/stats.json"));
    if (rc != 0) return rc;
    System.out.printf("%nall stages done in %.1f min; the report: %s%n", (System.nanoTime() - t0) / 6e10,
        Path.of(sweep, "report.html").toAbsolutePath());
    return 0;
  }

  private String[] args(String command, boolean redo, String... extra) {
    List<String> a = new ArrayList<>(List.of(command));
    if (job.configFile != null) a.addAll(List.of("--config", job.configFile));
    for (String o : job.overrides) a.addAll(List.of("--conf", o));
    if (job.master != null) a.addAll(List.of("--master", job.master));
    if (redo) a.add("--overwrite");
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }
}
