package org.lmforge.jobs;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lmforge.config.ConfigBinder;
import org.lmforge.config.LocalFiles;
import org.lmforge.dataprep.filter.quality.QualityClassifier;
import org.lmforge.dataprep.filter.quality.QualityClassifierConfig;
import org.lmforge.dataprep.filter.quality.QualityClassifierTrainer;
import org.lmforge.pipeline.io.AtomicFile;
import org.lmforge.pipeline.io.FileKind;
import org.lmforge.pipeline.io.ParquetDir;
import org.lmforge.pipeline.job.Sessions;
import org.lmforge.pipeline.job.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pipeline train-quality}: trains the reference-corpus quality classifier (hashed n-gram
 * logistic regression) on text the user points to: reference-quality text (e.g. Wikipedia, books)
 * against raw crawl text. Inputs are text files with one document per line (.gz allowed) or Parquet
 * with a {@code text} column (e.g. a clean output's docs/). Every tenth document is held out to
 * report accuracy and AUC. The training settings are the filter's own, {@code
 * clean.filters.qualityClassifier} (conf/filters.conf), so that --config and --conf take the same
 * file and keys as the clean job that will use the model.
 */
@Command(
    name = "train-quality",
    description =
        "Train the quality classifier: reference text (positives) vs crawl text (negatives), each a"
            + " text file with one document per line (.gz allowed) or Parquet with a text column.")
public final class TrainQualityCommand implements Callable<Integer> {
  static final String SETTINGS = "clean.filters.qualityClassifier";

  @Mixin JobOptions job = new JobOptions();

  @Option(names = "--positives", required = true, paramLabel = "PATH", description = "Good text.")
  String positives;

  @Option(names = "--negatives", required = true, paramLabel = "PATH", description = "Crawl text.")
  String negatives;

  @Option(names = "--output", required = true, paramLabel = "MODEL.bin", description = "The model.")
  Path output;

  @Option(
      names = "--max-docs",
      defaultValue = "200000",
      description = "Documents read per side (default ${DEFAULT-VALUE}).")
  int maxDocs;

  @Override
  public Integer call() throws IOException {
    QualityClassifierConfig settings = settings(); // a bad key fails before any document is read
    if (maxDocs < 1) {
      throw UserError.of(
          "not a count:",
          "--max-docs " + maxDocs,
          "give the documents to read per side, 1 or more");
    }
    AtomicFile.requireFileTarget(
        output, "the model", "quality.bin", Path.of(positives), Path.of(negatives));
    Source pos = check("--positives", positives);
    Source neg = check("--negatives", negatives);
    List<String> posTrain = new ArrayList<>();
    List<String> posTest = new ArrayList<>();
    List<String> negTrain = new ArrayList<>();
    List<String> negTest = new ArrayList<>();
    split(read("--positives", positives, pos), posTrain, posTest);
    split(read("--negatives", negatives, neg), negTrain, negTest);
    QualityClassifier model = QualityClassifierTrainer.train(posTrain, negTrain, settings);
    LocalFiles.replace(output, model::save); // a failed write leaves no half model
    QualityClassifierTrainer.Evaluation e =
        QualityClassifierTrainer.evaluate(model, posTest, negTest);
    System.out.printf(
        "trained on %d + %d documents; held out %d + %d: accuracy %.3f, AUC %.3f%nmodel: %s%n"
            + "use it with --conf clean.filters.qualityClassifier.modelPath=%s and add quality_classifier to "
            + "clean.filters.enabled%n",
        posTrain.size(),
        negTrain.size(),
        e.positives(),
        e.negatives(),
        e.accuracy(),
        e.auc(),
        output.toAbsolutePath(),
        output.toAbsolutePath());
    return 0;
  }

  /**
   * {@code clean.filters.qualityClassifier} from the defaults, --config and --conf, printed as
   * used.
   */
  QualityClassifierConfig settings() {
    Config c = job.load("clean");
    QualityClassifierConfig s = ConfigBinder.bind(c, SETTINGS, QualityClassifierConfig.class);
    System.out.println(JobConfig.render(c, SETTINGS));
    return s;
  }

  /** How an input is read: lines of a (gzipped) local text file, or Parquet with a text column. */
  private enum Source {
    TEXT,
    GZIP_TEXT,
    PARQUET
  }

  /** What {@code path} is, before anything is read; a wrong kind is a {@link UserError}. */
  private static Source check(String option, String path) throws IOException {
    String fix =
        "give a text file with one document per line (.gz allowed) or Parquet with a text column "
            + "(e.g. a clean output's docs/)";
    if (path.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*") && !path.startsWith("file:")) {
      return Source.PARQUET; // hdfs://, s3a://: Parquet, checked by Spark
    }
    Path local = Path.of(path.replaceFirst("^file:", ""));
    if (!Files.exists(local)) {
      throw UserError.of("no such file or directory:", path + " (" + option + ")", fix);
    }
    if (Files.isDirectory(local)) {
      if (Files.isRegularFile(local.resolve("stats.json"))
          && Files.isDirectory(local.resolve("docs"))) {
        throw UserError.of(
            "a whole clean output:",
            path + " (" + option + ")",
            "pass its documents: " + option + " " + local.resolve("docs"));
      }
      try (var files = Files.walk(local)) {
        if (files
            .filter(Files::isRegularFile)
            .noneMatch(f -> f.getFileName().toString().endsWith(".parquet"))) {
          throw UserError.of("a directory without Parquet files:", path + " (" + option + ")", fix);
        }
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
              fix);
    };
  }

  private static void split(List<String> all, List<String> train, List<String> test) {
    for (int i = 0; i < all.size(); i++) {
      (i % 10 == 9 ? test : train).add(all.get(i));
    }
  }

  private List<String> read(String option, String path, Source source) {
    List<String> out = new ArrayList<>();
    if (source != Source.PARQUET) {
      Path local = Path.of(path.replaceFirst("^file:", ""));
      try (var lines =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(
                  source == Source.GZIP_TEXT
                      ? new java.util.zip.GZIPInputStream(Files.newInputStream(local))
                      : Files.newInputStream(local),
                  java.nio.charset.StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null && out.size() < maxDocs) {
          if (!line.isBlank()) {
            out.add(line.replace("\\n", "\n"));
          }
        }
      } catch (IOException e) {
        throw UserError.of(
            "cannot read",
            path + " (" + option + "): " + e.getMessage(),
            "give a readable text file");
      }
    } else {
      try (SparkSession spark = Sessions.create("lmforge-train-quality", job.master())) {
        for (Row r :
            ParquetDir.read(
                    spark,
                    path + " (" + option + ")",
                    "give one clean output's docs/ or a text file with one document per line",
                    path)
                .select("text")
                .where("text IS NOT NULL")
                .limit(maxDocs)
                .collectAsList()) {
          out.add(r.getString(0));
        }
      } catch (UserError e) {
        throw e;
      } catch (Exception e) { // Spark's AnalysisException is checked but undeclared
        throw UserError.of(
            "not Parquet with a text column:",
            path
                + " ("
                + option
                + "): "
                + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
            "give a clean output's docs/ or a text file with one document per line");
      }
    }
    if (out.size() < 10) {
      throw UserError.of(
          "too few documents:",
          path + " (" + option + ") has " + out.size(),
          "give at least 10 documents, one per line");
    }
    return out;
  }
}
