package org.lmforge.analysis.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.lmforge.analysis.scaling.ScalingLaw;

/**
 * Writes a sweep directory in the layout of docs/scaling.md: IsoFLOP runs of a known law, each with
 * a metrics.jsonl training curve, plus provenance files. Used by the report tests and ReportBench.
 */
public final class SyntheticSweep {
  private SyntheticSweep() {}

  public static void write(
      Path dir, ScalingLaw law, double[] budgets, int sizes, boolean provenance, long seed)
      throws IOException {
    Random random = new Random(seed);
    StringBuilder runs =
        new StringBuilder(
            "run_id,n_layer,d_model,n_head,context,params,params_total,tokens,flops,"
                + "final_val_loss,best_val_loss,bits_per_byte,wall_seconds,tokens_per_second,budget_flops,loss\n");
    int k = 0;
    for (double c : budgets) {
      double nOpt = law.optimalAllocation(c).params();
      for (int i = 0; i < sizes; i++) {
        double n = nOpt * Math.pow(6, (i - (sizes - 1) / 2.0) / ((sizes - 1) / 2.0));
        double d = c / (6 * n);
        String id = String.format(Locale.ROOT, "r%02d", k++);
        Path runDir = Files.createDirectories(dir.resolve("runs").resolve(id));
        StringBuilder metrics = new StringBuilder();
        double last = Double.NaN;
        int steps = 40;
        for (int s = 1; s <= steps; s++) {
          double t = d * s / steps;
          double train = law.loss(n, t) * Math.exp(0.01 * random.nextGaussian());
          metrics.append(
              String.format(
                  Locale.ROOT,
                  "{\"kind\":\"train\",\"step\":%d,\"loss\":%.5f,\"lr\":%.2e,"
                      + "\"grad_norm\":%.3f,\"tokens\":%.0f,\"tokens_per_s\":%.0f}%n",
                  s * 100,
                  train,
                  6e-4 * (1 - 0.9 * s / steps),
                  1 + random.nextDouble(),
                  t,
                  5e4 + 1e3 * random.nextGaussian()));
          if (s % 5 == 0) {
            last = law.loss(n, t) * Math.exp(0.005 * random.nextGaussian());
            metrics.append(
                String.format(
                    Locale.ROOT,
                    "{\"kind\":\"eval\",\"step\":%d,\"tokens\":%.0f," + "\"val_loss\":%.5f}%n",
                    s * 100,
                    t,
                    last));
          }
        }
        Files.writeString(runDir.resolve("metrics.jsonl"), metrics);
        int layers = 2 + i * 2;
        // loss repeats final_val_loss, as SweepRunner writes it: the column bin/pipeline
        // fit-scaling reads.
        runs.append(
            String.format(
                Locale.ROOT,
                "%s,%d,%d,%d,256,%.0f,%.0f,%.0f,%.4e,%.5f,%.5f,%.4f,%.1f,%.0f,%.4e,%.5f%n",
                id,
                layers,
                64 * (i + 2),
                4,
                n,
                n * 1.2,
                d,
                6 * n * d,
                last,
                last,
                last / Math.log(2) / 4.2,
                d / 5e4,
                5e4,
                c,
                last));
      }
    }
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("runs.csv"), runs);
    if (provenance) {
      Files.createDirectories(dir.resolve("provenance"));
      Files.writeString(
          dir.resolve("provenance/tokenizer.json"),
          "{\"name\":\"lmforge-bpe-32k\",\"vocab_size\":32768,\"bytes_per_token\":4.21}\n");
      Files.writeString(
          dir.resolve("provenance/clean-stats.json"),
          """
          {"documents_in": 1250000, "documents_kept": 402113, "bytes_kept": 1893000000,
           "dropTable": [
             {"stage": "gopher", "reason": "gopher.too_few_words", "documents": 311020},
             {"stage": "lang", "reason": "lang.not_english", "documents": 402877},
             {"stage": "dedup", "reason": "dedup.near_duplicate", "documents": 133990}
           ]}
          """);
    }
  }
}
