package org.lmforge.pipeline.filter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.lmforge.config.LocalFiles;
import org.lmforge.dataprep.filter.quality.QualityClassifier;
import org.lmforge.dataprep.filter.quality.QualityClassifierConfig;
import org.lmforge.dataprep.filter.quality.QualityClassifierTrainer;
import org.lmforge.pipeline.clean.CleanOutput;
import org.lmforge.pipeline.io.AtomicFile;
import org.lmforge.pipeline.io.Columns;
import org.lmforge.pipeline.io.FileKind;
import org.lmforge.pipeline.io.OutputKind;
import org.lmforge.pipeline.io.ParquetDir;
import org.lmforge.pipeline.job.ConfiguredJob;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.job.UserError;

/**
 * The train-quality command's job: trains the reference-corpus quality classifier (hashed n-gram
 * logistic regression, {@code dataprep/…/filter/quality}) on reference-quality text (e.g.
 * Wikipedia, books) against raw crawl text, holds out every tenth document of each side to report
 * accuracy and AUC, and writes the model file whole. The inputs are text files with one document
 * per line (.gz allowed) or Parquet with a {@code text} column (e.g. a clean output's docs/); Spark
 * is started only for a Parquet input ({@link #needsSpark} after {@link #check}).
 */
public final class QualityModelJob
    extends ConfiguredJob<QualityModelJob.Config, QualityModelJob.Result> {
  private static final String FIX =
      "give a text file with one document per line (.gz allowed) or Parquet with a text column "
          + "(e.g. a clean output's docs/)";

  /**
   * @param positives reference-quality text
   * @param negatives crawl text
   * @param output the model file (local)
   * @param maxDocs documents read per side
   * @param settings the filter's training settings, {@code clean.filters.qualityClassifier}
   */
  public record Config(
      String positives,
      String negatives,
      Path output,
      int maxDocs,
      QualityClassifierConfig settings) {}

  /** Documents trained on and held out per side, the held-out accuracy and AUC, the model file. */
  public record Result(
      int trainedPositives,
      int trainedNegatives,
      int heldOutPositives,
      int heldOutNegatives,
      double accuracy,
      double auc,
      Path model) {}

  /** How an input is read: lines of a (gzipped) local text file, or Parquet with a text column. */
  private enum Source {
    TEXT,
    GZIP_TEXT,
    PARQUET
  }

  private Source positives;
  private Source negatives;

  public QualityModelJob(Config cfg) {
    super("train-quality", cfg, Config::output);
  }

  @Override
  public void check(Configuration hadoop) throws IOException {
    if (cfg.maxDocs() < 1) {
      throw UserError.of(
          "not a count:",
          "--max-docs " + cfg.maxDocs(),
          "give the documents to read per side, 1 or more");
    }
    AtomicFile.requireFileTarget(
        cfg.output(),
        "the model",
        "quality.bin",
        Path.of(cfg.positives()),
        Path.of(cfg.negatives()));
    positives = source("--positives", cfg.positives(), hadoop);
    negatives = source("--negatives", cfg.negatives(), hadoop);
    Path pos = local(cfg.positives());
    Path neg = local(cfg.negatives());
    if (pos != null && neg != null
        ? Files.isSameFile(pos, neg)
        : cfg.positives().equals(cfg.negatives())) {
      // a model of a text against itself scores every document alike (AUC 0.5)
      throw UserError.of(
          "the same input on both sides:",
          "--positives and --negatives are both " + cfg.positives(),
          "give reference-quality text as --positives and crawl text as --negatives");
    }
  }

  /** The local file of {@code path} (a plain path or a file: URI); null for a remote URI. */
  private static Path local(String path) {
    boolean remote = path.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*") && !path.startsWith("file:");
    return remote ? null : Path.of(path.replaceFirst("^file:", ""));
  }

  @Override
  public boolean needsSpark() {
    return positives == Source.PARQUET || negatives == Source.PARQUET;
  }

  @Override
  public Result run(SparkSession spark, Progress progress) throws IOException {
    if (positives == null) check(new Configuration());
    List<String> posTrain = new ArrayList<>();
    List<String> posTest = new ArrayList<>();
    List<String> negTrain = new ArrayList<>();
    List<String> negTest = new ArrayList<>();
    split(read(spark, "--positives", cfg.positives(), positives), posTrain, posTest);
    split(read(spark, "--negatives", cfg.negatives(), negatives), negTrain, negTest);
    QualityClassifier model = QualityClassifierTrainer.train(posTrain, negTrain, cfg.settings());
    LocalFiles.replace(cfg.output(), model::save); // a failed write leaves no half model
    QualityClassifierTrainer.Evaluation e =
        QualityClassifierTrainer.evaluate(model, posTest, negTest);
    Path file = cfg.output().toAbsolutePath();
    progress.printf(
        "trained on %d + %d documents; held out %d + %d: accuracy %.3f, AUC %.3f",
        posTrain.size(), negTrain.size(), e.positives(), e.negatives(), e.accuracy(), e.auc());
    progress.line("model: " + file);
    progress.line(
        "use it with --conf clean.filters.qualityClassifier.modelPath="
            + file
            + " and add quality_classifier to clean.filters.enabled");
    return new Result(
        posTrain.size(),
        negTrain.size(),
        e.positives(),
        e.negatives(),
        e.accuracy(),
        e.auc(),
        file);
  }

  /** What {@code path} is, before anything is read; a wrong kind is a {@link UserError}. */
  private static Source source(String option, String path, Configuration hadoop)
      throws IOException {
    Path local = local(path);
    if (local == null) return Source.PARQUET; // hdfs://, s3a://: Parquet, checked by Spark
    if (!Files.exists(local)) {
      throw UserError.of("no such file or directory:", path + " (" + option + ")", FIX);
    }
    if (Files.isDirectory(local)) {
      OutputKind kind = OutputKind.of(local);
      if (kind == OutputKind.CLEAN) {
        throw UserError.of(
            "a whole clean output:",
            path + " (" + option + ")",
            "pass its documents: " + option + " " + local.resolve(CleanOutput.DOCS));
      }
      if (kind != null) {
        throw UserError.of(kind.label() + ", not documents:", path + " (" + option + ")", FIX);
      }
      FileSystem fs = FileSystem.getLocal(hadoop);
      org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(local.toUri());
      if (!ParquetDir.holdsParquet(fs, dir)) {
        throw UserError.of("a directory without Parquet files:", path + " (" + option + ")", FIX);
      }
      ParquetDir.Stray odd = ParquetDir.firstNotParquet(fs, dir);
      if (odd != null) { // Spark would read it as Parquet and fail in a task
        throw UserError.of(
            "a directory holding files that are not Parquet:",
            path + " (" + option + "): " + odd,
            "give a directory of Parquet files only, or a text file");
      }
      return Source.PARQUET;
    }
    FileKind kind = FileKind.sniff(local);
    return switch (kind) {
      case TEXT -> Source.TEXT;
      case GZIP_TEXT -> Source.GZIP_TEXT;
      case PARQUET -> Source.PARQUET;
      case WARC, GZIP_WARC, ARC ->
          throw UserError.of(
              "a crawl file, not text:",
              path + " (" + option + ")",
              "run the clean job on it first and pass its docs/ directory");
      default ->
          throw UserError.of(
              "not a text or Parquet file:",
              path + " (" + option + ") is " + kind.description(),
              FIX);
    };
  }

  /** Every tenth document is held out. */
  private static void split(List<String> all, List<String> train, List<String> test) {
    for (int i = 0; i < all.size(); i++) {
      (i % 10 == 9 ? test : train).add(all.get(i));
    }
  }

  private List<String> read(SparkSession spark, String option, String path, Source source) {
    String where = path + " (" + option + ")";
    List<String> out =
        source == Source.PARQUET
            ? readParquet(spark, option, path)
            : readLines(where, path, source == Source.GZIP_TEXT);
    if (out.size() >= 10) return out;
    throw UserError.of(
        "too few documents:",
        where + " has " + out.size(),
        "give at least 10 documents, one per line");
  }

  /** Non-blank lines, a literal {@code \n} in a line read as a line break within the document. */
  private List<String> readLines(String where, String path, boolean gzip) {
    List<String> out = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(local(path));
        BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(
                    gzip ? new GZIPInputStream(raw) : raw, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null && out.size() < cfg.maxDocs()) {
        if (!line.isBlank()) out.add(line.replace("\\n", "\n"));
      }
    } catch (IOException e) {
      throw UserError.of("cannot read", where + ": " + e.getMessage(), "give a readable text file");
    }
    return out;
  }

  /** The non-null values of the text column, at most maxDocs. */
  private List<String> readParquet(SparkSession spark, String option, String path) {
    String fix = "give a clean output's docs/ or a text file with one document per line";
    String role = "the " + option + " input";
    Dataset<Row> docs = ParquetDir.read(spark, role, fix, path); // not Parquet: a UserError
    Columns.require(docs.schema(), role, path, "text", DataTypes.StringType, fix);
    return docs.select("text")
        .where("text IS NOT NULL")
        .limit(cfg.maxDocs())
        .as(Encoders.STRING())
        .collectAsList();
  }
}
