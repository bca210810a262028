package org.lmforge.pipeline.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.analysis.report.Report;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.job.UserError;
import org.lmforge.pipeline.train.PretrainConfig;
import org.lmforge.pipeline.train.PretrainRun;
import org.lmforge.pipeline.train.SparkWithTokens;

/**
 * A small real IsoFLOP sweep on local[2]: planned, run, tabulated, resumed after a "kill",
 * reported.
 */
class SweepRunnerTest {
  @RegisterExtension
  static final SparkWithTokens DATA = new SparkWithTokens("sweep-runner-test", 150);

  @TempDir Path tmp;

  @Test
  void sweepRunsEveryPointOnceAndResumesAnInterruptedOne() throws Exception {
    SparkSession spark = DATA.session();
    String tokens = DATA.tokens();
    PretrainConfig template = TinySweep.template(tokens, 2, 5);
    SweepConfig sweep =
        TinySweep.isoflop(tokens, tmp.resolve("sweep"), 60, 1, 0, SweepConfig.Predict.NONE);
    Progress quiet = Progress.quiet();

    SweepRunner.Result first = SweepRunner.run(spark, sweep, template, quiet);
    assertEquals(first.points().size(), first.ranNow());
    assertEquals(6, first.points().size() + first.leftOut().size());
    assertTrue(first.points().size() >= 4, first.leftOut().toString());
    List<String> csv = Files.readAllLines(tmp.resolve("sweep/runs.csv"));
    assertEquals(String.join(",", SweepRunner.COLUMNS), csv.get(0));
    assertEquals(first.points().size() + 1, csv.size());
    for (String line : csv.subList(1, csv.size())) {
      String[] f = line.split(",");
      double loss = Double.parseDouble(f[SweepRunner.COLUMNS.indexOf("final_val_loss")]);
      assertTrue(loss > 0 && loss < Math.log(320) + 0.5, line);
      assertEquals(
          6
              * Double.parseDouble(f[SweepRunner.COLUMNS.indexOf("params")])
              * Double.parseDouble(f[SweepRunner.COLUMNS.indexOf("tokens")]),
          Double.parseDouble(f[SweepRunner.COLUMNS.indexOf("flops")]),
          1e-4 * Double.parseDouble(f[8]));
    }
    assertEquals(
        first.points().size(),
        spark.read().parquet(tmp.resolve("sweep/runs.parquet").toString()).count());
    JsonNode tok =
        new ObjectMapper().readTree(tmp.resolve("sweep/provenance/tokenizer.json").toFile());
    assertEquals(320, tok.get("vocab_size").asInt());

    // Re-run: nothing to do.
    SweepRunner.Result again = SweepRunner.run(spark, sweep, template, quiet);
    assertEquals(0, again.ranNow());
    assertEquals(csv, Files.readAllLines(tmp.resolve("sweep/runs.csv")));

    // Re-run with another learning rate: the finished runs were trained with the old one, and a
    // sweep's runs are fitted together, so it is refused, naming the key; the sweep job is not
    // complete with it (so all does not keep it silently), and is with the settings it ran with.
    // How often it logs is not a setting of the result.
    PretrainConfig otherLr =
        template.withOptim(
            org.lmforge.config.Records.with(template.optim(), "lr", template.optim().lr() / 2));
    UserError refused =
        assertThrows(UserError.class, () -> SweepRunner.run(spark, sweep, otherLr, quiet));
    assertTrue(
        refused.getMessage().contains("trained with other settings than these: pretrain.optim.lr"),
        refused.getMessage());
    assertTrue(refused.getMessage().contains("--overwrite"), refused.getMessage());
    var hadoop = spark.sparkContext().hadoopConfiguration();
    new SweepJob(sweep, template, false).run(spark, quiet); // as the job: nothing runs, marked
    assertFalse(new SweepJob(sweep, otherLr, false).complete(hadoop));
    assertTrue(new SweepJob(sweep, template, false).complete(hadoop));
    PretrainConfig quieter = org.lmforge.config.Records.with(template, "logInterval", 7);
    assertTrue(new SweepJob(sweep, quieter, false).complete(hadoop));
    assertEquals(0, SweepRunner.run(spark, sweep, quieter, quiet).ranNow());

    // The same sweep in another directory, its driver dying in the middle of a run's training (the
    // console
    // throws when the first "step 10/" line is printed, after that run's checkpoint at step 5),
    // then re-run:
    // the interrupted run continues from its checkpoint, re-runs the remaining steps and ends on
    // the curve of
    // the uninterrupted sweep; the runs table equals the first one but for the timings.
    SweepConfig crashSweep =
        TinySweep.isoflop(tokens, tmp.resolve("crash"), 60, 1, 0, SweepConfig.Predict.NONE);
    assertThrows(
        SweepPredictionTest.Crash.class,
        () ->
            SweepRunner.run(spark, crashSweep, template, SweepPredictionTest.crashAt("step 10/")));
    // The crash stops the run that printed it; a run the pool had already started may be stopped
    // too.
    List<Path> interrupted;
    try (var dirs = Files.list(tmp.resolve("crash/runs"))) {
      interrupted = dirs.filter(d -> !Files.exists(d.resolve(PretrainRun.SUMMARY))).toList();
    }
    List<Path> afterCheckpoint =
        interrupted.stream()
            .filter(d -> Files.exists(d.resolve("checkpoints").resolve(PretrainRun.CHECKPOINT)))
            .toList();
    assertFalse(
        afterCheckpoint.isEmpty(), "a run was cut off after its checkpoint: " + interrupted);
    // an unfinished run is not resumed with other optimiser settings either
    String unfinished = afterCheckpoint.get(0).getFileName().toString();
    UserError mixed =
        assertThrows(UserError.class, () -> SweepRunner.run(spark, crashSweep, otherLr, quiet));
    assertTrue(mixed.getMessage().contains(unfinished), mixed.getMessage());
    SweepRunner.Result resumed = SweepRunner.run(spark, crashSweep, template, quiet);
    assertTrue(resumed.ranNow() >= interrupted.size());
    for (Path run : interrupted) {
      JsonNode after = new ObjectMapper().readTree(run.resolve(PretrainRun.SUMMARY).toFile());
      long from = after.get("resumedFromStep").asLong(), steps = after.get("steps").asLong();
      if (afterCheckpoint.contains(run))
        assertTrue(
            from > 0 && from < steps && from % 5 == 0,
            run + " resumed mid-run from a checkpoint: " + from + " of " + steps);
      JsonNode uninterrupted =
          new ObjectMapper()
              .readTree(
                  tmp.resolve("sweep/runs")
                      .resolve(run.getFileName())
                      .resolve(PretrainRun.SUMMARY)
                      .toFile());
      assertEquals(
          uninterrupted.get("finalValLoss").asDouble(),
          after.get("finalValLoss").asDouble(),
          1e-6,
          run + " ends on the uninterrupted curve");
    }
    assertEquals(
        SweepPredictionTest.withoutTimings(tmp.resolve("sweep/runs.csv")),
        SweepPredictionTest.withoutTimings(tmp.resolve("crash/runs.csv")));

    Path html = tmp.resolve("sweep/report.html");
    Report.write(tmp.resolve("sweep"), html, 1e18);
    String page = Files.readString(html);
    for (SweepPoint p : first.points()) assertTrue(page.contains(p.runId()), p.runId());

    // The crash sweep's runs as if trained on a one-slot machine with pretrain.replicas = 0 (the
    // default: the cluster's parallelism), now resumed here with two slots: nobody typed the new
    // count, so the refusal says the setting that continues the runs as they were trained.
    Path runJson = interrupted.get(0).resolve(org.lmforge.pipeline.io.OutputKind.RUN.marker());
    var recorded =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            new ObjectMapper().readTree(runJson.toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) recorded.get("config")).put("replicas", 1);
    Files.writeString(runJson, recorded.toString());
    Files.deleteIfExists(runJson.resolveSibling("." + runJson.getFileName() + ".crc"));
    PretrainConfig followsTheCluster = org.lmforge.config.Records.with(template, "replicas", 0);
    UserError moved =
        assertThrows(
            UserError.class, () -> SweepRunner.run(spark, crashSweep, followsTheCluster, quiet));
    assertTrue(moved.getMessage().contains("pretrain.replicas 1 -> 2"), moved.getMessage());
    assertTrue(
        moved
            .getMessage()
            .contains(
                "takes this cluster's parallelism (2 task slots); pass --conf"
                    + " pretrain.replicas=1 to go on"),
        moved.getMessage());
  }
}
