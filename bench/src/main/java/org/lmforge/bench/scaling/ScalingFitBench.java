package org.lmforge.bench.scaling;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.List;
import org.lmforge.analysis.scaling.ChinchillaLaw;
import org.lmforge.analysis.scaling.FitOptions;
import org.lmforge.analysis.scaling.LawFitter;
import org.lmforge.analysis.scaling.ScalingPoint;
import org.lmforge.analysis.scaling.SyntheticPoints;
import org.lmforge.bench.BenchArgs;

/**
 * Times approach 3 on a synthetic grid drawn from the published Chinchilla law (1% noise) and
 * compares the default local starts with the paper's full grid of 5400 initialisations. Usage:
 * ScalingFitBench [sizes=10] [lengths=10] [bootstrap=200].
 */
public final class ScalingFitBench {
  public static void main(String[] args) {
    int sizes = BenchArgs.intAt(args, 0, 10);
    int lengths = BenchArgs.intAt(args, 1, 10);
    int bootstrap = BenchArgs.intAt(args, 2, 200);
    ChinchillaLaw truth = ChinchillaLaw.HOFFMANN_2022;
    List<ScalingPoint> points =
        SyntheticPoints.grid(truth, 1e6, 1e9, sizes, 1e8, 1e11, lengths, 0.01, 1);
    System.out.printf(
        "truth %s, %d runs, %d cores%n",
        truth, points.size(), Runtime.getRuntime().availableProcessors());

    long t0 = System.nanoTime();
    LawFitter.Result<ChinchillaLaw> local =
        LawFitter.chinchilla(points, FitOptions.defaults().withBootstrap(bootstrap));
    double tLocal = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    LawFitter.Result<ChinchillaLaw> full =
        LawFitter.chinchilla(points, FitOptions.defaults().withBootstrap(0).withLocalStarts(0));
    double tFull = (System.nanoTime() - t0) / 1e9;

    System.out.printf(
        "default: %d local starts + %d bootstrap refits: %.2f s; objective %.9g; %s%n",
        local.localStarts(), local.bootstrapFits(), tLocal, local.objective(), local.law());
    local.intervals().forEach((k, v) -> System.out.printf("  %-5s [%.4g, %.4g]%n", k, v[0], v[1]));
    System.out.printf(
        "full grid: %d starts (%d converged), no bootstrap: %.2f s (%.2f ms per start); objective %.9g; %s%n",
        full.localStarts(),
        full.converged(),
        tFull,
        1000 * tFull / full.localStarts(),
        full.objective(),
        full.law());
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      peak += p.getPeakUsage().getUsed();
    }
    System.out.printf("peak memory pools %.0f MB%n", peak / 1e6);
  }
}
