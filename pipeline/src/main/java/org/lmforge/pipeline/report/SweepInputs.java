package org.lmforge.pipeline.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lmforge.pipeline.io.OutputKind;
import org.lmforge.pipeline.job.UserError;

/**
 * Checks a sweep directory before the report (or the fits) read it, each mistake a {@link
 * UserError} naming the path and the fix: not a directory, not a sweep (no runs.csv), or a sweep
 * without a finished run.
 */
public final class SweepInputs {
  private SweepInputs() {}

  private static final String FIX =
      "give the --output of a sweep (e.g. work/sweep), the directory holding runs.csv";

  public static void check(String sweepDir) {
    Path dir = Path.of(sweepDir);
    if (!Files.exists(dir)) {
      throw UserError.of("no such sweep directory:", sweepDir, FIX);
    }
    if (!Files.isDirectory(dir)) {
      if (dir.getFileName().toString().equals("runs.csv")) {
        throw UserError.of(
            "a sweep is a directory, not its runs.csv:",
            sweepDir,
            "pass --sweep " + (dir.toAbsolutePath().getParent()));
      }
      throw UserError.of("not a sweep directory:", sweepDir + " is a file", FIX);
    }
    Path runs = dir.resolve("runs.csv");
    if (!Files.isRegularFile(runs)) {
      throw notASweep(dir, sweepDir);
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(runs).stream().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw UserError.of(
          "cannot read", runs + " (" + e.getMessage() + ")", "check the file's permissions");
    }
    if (lines.isEmpty()) {
      throw UserError.of(
          "an empty runs.csv in",
          sweepDir,
          "re-run the sweep (bin/pipeline sweep … --output "
              + sweepDir
              + ") to rewrite it from its finished runs");
    }
    if (lines.size() == 1) {
      throw UserError.of(
          "the sweep has no finished run yet:",
          sweepDir + " (runs.csv has only its header)",
          "let the sweep finish a run (bin/pipeline sweep … --output " + sweepDir + " resumes it)");
    }
  }

  private static UserError notASweep(Path dir, String sweepDir) {
    OutputKind kind = OutputKind.of(dir);
    if (kind == OutputKind.SWEEP) {
      return UserError.of(
          "the sweep has no finished run yet (no runs.csv):",
          sweepDir,
          "let it finish a run (bin/pipeline sweep … --output " + sweepDir + " resumes it)");
    }
    if (kind == OutputKind.RUN) {
      return UserError.of(
          "a single pretrain run, not a sweep (no runs.csv):",
          sweepDir,
          "the report compares the runs of a sweep: run bin/pipeline sweep, or fit-scaling on a CSV of runs");
    }
    if (kind != null) {
      return UserError.of(kind.label() + ", not a sweep (no runs.csv):", sweepDir, FIX);
    }
    return UserError.of("not a sweep directory (no runs.csv):", sweepDir, FIX);
  }
}
