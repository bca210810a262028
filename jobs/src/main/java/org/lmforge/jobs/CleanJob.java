package org.lmforge.jobs;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lmforge.dataprep.sample.SampleWarcWriter;
import org.lmforge.pipeline.Sessions;
import org.lmforge.pipeline.clean.CleanConfig;
import org.lmforge.pipeline.clean.CleanSchema;
import org.lmforge.pipeline.clean.CleanStage;
import org.lmforge.pipeline.clean.CleanStats;
import org.lmforge.pipeline.io.HadoopConf;
import org.lmforge.pipeline.job.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pipeline clean}: crawl files to a clean Parquet corpus with stats, quarantine and drop table. */
@Command(name = "clean", mixinStandardHelpOptions = true,
    description = "Read WARC/WET files, extract main text, identify language, filter, dedupe, write Parquet.")
public final class CleanJob implements Callable<Integer> {
  private static final int QUARANTINE_SHOWN = 10;

  @Mixin JobOptions job = new JobOptions();

  @Option(names = "--input", paramLabel = "PATH", description = "Crawl file, directory or glob (repeatable); "
      + "replaces clean.inputs. Without any, the embedded Europarl sample WARC is written and used.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--output", paramLabel = "DIR", description = "Replaces clean.output.")
  String output;

  @Option(names = "--keep-dropped", description = "Also write dropped documents with their reason.")
  boolean keepDropped;

  @Option(names = "--overwrite", description = "Replace an existing output.")
  boolean overwrite;

  @Option(names = "--sample-pages", paramLabel = "N|all", description = "Pages in the embedded sample WARC, "
      + "or 'all' (17,597); replaces clean.sample.pages (default 2000).")
  String samplePages;

  /** {@code clean.sample}: the embedded default input, used when there is no input. */
  record Sample(String pages) {
    Sample {
      SampleWarcWriter.parsePages(pages);   // 'all', 0 or a positive number, else a message naming the key
    }
  }

  @Override
  public Integer call() throws Exception {
    CleanConfig cfg = config();
    if (cfg.inputs().isEmpty()) {
      int pages = samplePages();
      Path sample = Path.of("work", "sample", SampleWarcWriter.fileName(pages));   // same (pages, seed): same bytes
      if (!Files.exists(sample)) {
        int records = SampleWarcWriter.write(sample, pages, 42);
        System.out.printf("embedded default input: wrote %d records (%s Europarl pages) to %s%n", records,
            pages == SampleWarcWriter.ALL ? "all" : pages, sample);
      }
      cfg = new CleanConfig(List.of(sample.toAbsolutePath().toString()), cfg.output(), cfg.overwrite(),
          cfg.keepDropped(), cfg.ingest(), cfg.filters(), cfg.dedup());
    }
    CleanStage.check(cfg, HadoopConf.beforeSession());   // a wrong path or an existing output: exit 2, no Spark
    try (SparkSession spark = Sessions.create("lmforge-clean", job.master())) {
      CleanStage.Result r = CleanStage.run(spark, cfg);
      print(r.stats());
      if (r.stats().documentsOut() == 0) {
        printNothingKept(spark, r);
      }
      System.out.println("output: " + r.output() + "/docs  (Parquet, partitioned by language)");
      System.out.println("stats:  " + r.output() + "/stats.json");
      System.out.println("quarantine: " + r.output() + "/quarantine" + (cfg.keepDropped()
          ? "   dropped: " + r.output() + "/rejected" : ""));
    }
    return 0;
  }

  /** Says plainly that nothing was kept and why, with the first quarantined files and their fixes. */
  private static void printNothingKept(SparkSession spark, CleanStage.Result r) {
    System.out.println();
    System.out.println("nothing kept: " + r.stats().whyNothingKept());
    List<Row> rows = spark.read().parquet(r.output() + "/quarantine")
        .orderBy(CleanSchema.SOURCE_FILE, CleanSchema.RECORD_OFFSET).limit(QUARANTINE_SHOWN + 1).collectAsList();
    for (Row q : rows.subList(0, Math.min(rows.size(), QUARANTINE_SHOWN))) {
      System.out.printf("  %s @%d  %s: %s%n", q.getString(0), q.isNullAt(1) ? 0 : q.getLong(1), q.getString(2),
          q.getString(3));
    }
    if (rows.size() > QUARANTINE_SHOWN) {
      System.out.println("  … (every row is in " + r.output() + "/quarantine)");
    }
  }

  CleanConfig config() {
    List<String> overrides = new ArrayList<>(job.overrides);
    Config c = JobConfig.load("clean", job.configFile, overrides);
    ConfigBinder.bind(c, "clean.sample", Sample.class);   // the job's own key (samplePages()), checked here
    CleanConfig cfg = ConfigBinder.bind(c.withoutPath("clean.sample"), "clean", CleanConfig.class);
    return new CleanConfig(inputs.isEmpty() ? cfg.inputs() : List.copyOf(inputs),
        output == null ? cfg.output() : output, overwrite || cfg.overwrite(), keepDropped || cfg.keepDropped(),
        cfg.ingest(), cfg.filters(), cfg.dedup());
  }

  /** Pages of the embedded sample: --sample-pages, else clean.sample.pages; {@link SampleWarcWriter#ALL} for all. */
  int samplePages() {
    if (samplePages != null) {
      try {
        return SampleWarcWriter.parsePages(samplePages);
      } catch (IllegalArgumentException e) {
        throw new UserError("--sample-pages: " + e.getMessage());
      }
    }
    Config c = JobConfig.load("clean", job.configFile, job.overrides);
    return SampleWarcWriter.parsePages(ConfigBinder.bind(c, "clean.sample", Sample.class).pages());
  }

  static void print(CleanStats s) {
    System.out.printf("%nclean: %d files, %.1f MB in, %d records, %d pages extracted, %d documents kept "
            + "(%.1f MB of text) in %.1f s%n", s.inputFiles(), s.inputBytes() / 1e6, s.records(), s.pagesExtracted(),
        s.documentsOut(), s.textBytesOut() / 1e6, s.wallSeconds());
    System.out.println("records by type: " + s.recordsByType());
    System.out.println("skipped:         " + s.skippedByReason());
    System.out.println("quarantined:     " + s.quarantinedByReason());
    if (!s.warningsByReason().isEmpty()) {
      System.out.println("repaired:        " + s.warningsByReason());
    }
    System.out.println("languages:       " + s.documentsByLanguage());
    System.out.println("drop table:");
    System.out.printf("  %-18s %-40s %10s%n", "stage", "reason", "documents");
    for (CleanStats.DropRow d : s.dropTable()) {
      System.out.printf("  %-18s %-40s %10d%n", d.stage(), d.reason(), d.documents());
    }
    for (Map.Entry<String, Long> e : s.dedup().entrySet()) {
      if (e.getKey().startsWith("dropped") || e.getKey().startsWith("clusters")) {
        System.out.println("  dedup " + e.getKey() + ": " + e.getValue());
      }
    }
  }
}
