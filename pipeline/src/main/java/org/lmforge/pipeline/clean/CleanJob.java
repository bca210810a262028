package org.lmforge.pipeline.clean;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lmforge.config.Records;
import org.lmforge.dataprep.sample.SampleWarcWriter;
import org.lmforge.pipeline.io.AtomicOutput;
import org.lmforge.pipeline.io.Json;
import org.lmforge.pipeline.job.ConfiguredJob;
import org.lmforge.pipeline.job.Progress;

/**
 * {@code pipeline clean}: crawl files to a clean Parquet corpus with stats, quarantine and the drop
 * table ({@link CleanStage}), then the drop table and where the output is, for the person running
 * it. Without any input it writes and cleans the embedded default input, {@code work/sample/<the
 * sample's name>} (real Europarl debates wrapped in real-site boilerplate; the same pages and seed
 * give the same bytes, so it is written once).
 */
public final class CleanJob extends ConfiguredJob<CleanConfig, CleanStage.Result> {
  private static final int QUARANTINE_SHOWN = 10;
  private static final long SAMPLE_SEED = 42;

  /** {@code clean.sample}: the embedded default input, used when there is no input. */
  public record Sample(String pages) {
    public Sample {
      SampleWarcWriter.parsePages(
          pages); // 'all', 0 or a positive number, else a message naming the key
    }

    /** The page count, {@link SampleWarcWriter#ALL} for all. */
    public int count() {
      return SampleWarcWriter.parsePages(pages);
    }
  }

  private final int samplePages;

  /**
   * @param samplePages pages of the embedded input when {@code cfg.inputs()} is empty ({@link
   *     SampleWarcWriter#ALL})
   */
  public CleanJob(CleanConfig cfg, int samplePages) {
    super("clean", cfg, CleanConfig::output);
    this.samplePages = samplePages;
  }

  @Override
  public CleanJob replacingOutput() {
    return new CleanJob(Records.with(cfg, "overwrite", true), samplePages);
  }

  /**
   * The settings by their keys under {@code clean}, and {@code sample.pages} when the embedded
   * sample is the input.
   */
  @Override
  public Object settings() {
    Map<String, Object> s = Json.PRETTY.convertValue(cfg, new TypeReference<>() {});
    if (cfg.inputs().isEmpty()) s.put("sample", Map.of("pages", samplePages));
    return s;
  }

  /**
   * Every input pattern matches something (the embedded input is written by {@link #run}) and the
   * output is free.
   */
  @Override
  public void check(Configuration hadoop) throws IOException {
    if (cfg.inputs().isEmpty()) {
      CleanStage.checkFilters(cfg);
      AtomicOutput.check(cfg.output(), cfg.overwrite(), hadoop, "clean.output", List.of());
    } else {
      CleanStage.check(cfg, hadoop);
    }
  }

  /** Its marker and stats.json: another job's complete output at clean.output is not a clean. */
  @Override
  public boolean complete(Configuration hadoop) throws IOException {
    org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(cfg.output());
    return CleanOutput.isComplete(out.getFileSystem(hadoop), out);
  }

  @Override
  public CleanStage.Result run(SparkSession spark, Progress progress) throws IOException {
    CleanConfig c = cfg.withInputs(inputs(progress));
    CleanStage.Result r = CleanStage.run(spark, c);
    print(r.stats(), progress);
    if (r.stats().documentsOut() == 0) {
      printNothingKept(spark, r, progress);
    }
    progress.line("output: " + r.output() + "/docs  (Parquet, partitioned by language)");
    progress.line("stats:  " + r.output() + "/stats.json");
    progress.line(
        "quarantine: "
            + r.output()
            + "/quarantine"
            + (c.keepDropped() ? "   dropped: " + r.output() + "/rejected" : ""));
    return r;
  }

  /** The configured inputs, or else the embedded default input, written on first use. */
  public List<String> inputs(Progress progress) throws IOException {
    return cfg.inputs().isEmpty() ? List.of(sample(progress)) : cfg.inputs();
  }

  private String sample(Progress progress) throws IOException {
    Path sample = Path.of("work", "sample", SampleWarcWriter.fileName(samplePages));
    if (!Files.exists(sample)) {
      int records = SampleWarcWriter.write(sample, samplePages, SAMPLE_SEED);
      progress.printf(
          "embedded default input: wrote %d records (%s Europarl pages) to %s",
          records, samplePages == SampleWarcWriter.ALL ? "all" : samplePages, sample);
    }
    return sample.toAbsolutePath().toString();
  }

  /**
   * Says plainly that nothing was kept and why, with the first quarantined files and their fixes.
   */
  private static void printNothingKept(SparkSession spark, CleanStage.Result r, Progress progress) {
    progress.line("");
    progress.line("nothing kept: " + r.stats().whyNothingKept());
    List<Row> rows =
        spark
            .read()
            .parquet(r.output() + "/quarantine")
            .orderBy(CleanSchema.SOURCE_FILE, CleanSchema.RECORD_OFFSET)
            .limit(QUARANTINE_SHOWN + 1)
            .collectAsList();
    for (Row q : rows.subList(0, Math.min(rows.size(), QUARANTINE_SHOWN))) {
      progress.printf(
          "  %s @%d  %s: %s",
          q.getString(0), q.isNullAt(1) ? 0 : q.getLong(1), q.getString(2), q.getString(3));
    }
    if (rows.size() > QUARANTINE_SHOWN) {
      progress.line("  … (every row is in " + r.output() + "/quarantine)");
    }
  }

  /** The run's figures and the drop table. */
  static void print(CleanStats s, Progress out) {
    out.line("");
    out.printf(
        "clean: %d files, %.1f MB in, %d records, %d pages extracted, %d documents kept (%.1f MB of text) in "
            + "%.1f s",
        s.inputFiles(),
        s.inputBytes() / 1e6,
        s.records(),
        s.pagesExtracted(),
        s.documentsOut(),
        s.textBytesOut() / 1e6,
        s.wallSeconds());
    out.line("records by type: " + s.recordsByType());
    out.line("skipped:         " + s.skippedByReason());
    out.line("quarantined:     " + s.quarantinedByReason());
    if (!s.warningsByReason().isEmpty()) {
      out.line("repaired:        " + s.warningsByReason());
    }
    out.line("languages:       " + s.documentsByLanguage());
    out.line("drop table:");
    out.printf("  %-18s %-40s %10s", "stage", "reason", "documents");
    for (CleanStats.DropRow d : s.dropTable()) {
      out.printf("  %-18s %-40s %10d", d.stage(), d.reason(), d.documents());
    }
    for (Map.Entry<String, Long> e : s.dedup().entrySet()) {
      if (e.getKey().startsWith("dropped") || e.getKey().startsWith("clusters")) {
        out.line("  dedup " + e.getKey() + ": " + e.getValue());
      }
    }
  }
}
