package org.lmforge.bench.report;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lmforge.analysis.report.Report;
import org.lmforge.analysis.report.SyntheticSweep;
import org.lmforge.analysis.scaling.ChinchillaLaw;
import org.lmforge.analysis.scaling.FitOptions;
import org.lmforge.bench.BenchArgs;

/**
 * Writes a synthetic sweep (IsoFLOP runs of the published Chinchilla law) and times its report.
 * Usage: ReportBench OUT_DIR [budgets=5] [sizes=7] [bootstrap=200]. The report is
 * OUT_DIR/report.html.
 */
public final class ReportBench {
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: ReportBench OUT_DIR [budgets] [sizes] [bootstrap]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int budgets = BenchArgs.intAt(args, 1, 5);
    int sizes = BenchArgs.intAt(args, 2, 7);
    int bootstrap = BenchArgs.intAt(args, 3, 200);
    double[] c = new double[budgets];
    for (int i = 0; i < budgets; i++) {
      c[i] = 1e16 * Math.pow(10, i * 0.75);
    }
    Path sweep = out.resolve("sweep");
    if (!Files.exists(sweep.resolve("runs.csv"))) {
      SyntheticSweep.write(sweep, ChinchillaLaw.HOFFMANN_2022, c, sizes, true, 42);
    }
    long t0 = System.nanoTime();
    Report.write(
        sweep, out.resolve("report.html"), 1e21, FitOptions.defaults().withBootstrap(bootstrap));
    double s = (System.nanoTime() - t0) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      peak += p.getPeakUsage().getUsed();
    }
    System.out.printf(
        "report: %d runs, %d bootstrap refits, %.2f s, %d KB html, peak heap pools %.0f MB%n",
        budgets * sizes, bootstrap, s, Files.size(out.resolve("report.html")) / 1024, peak / 1e6);
  }
}
