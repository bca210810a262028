package org.lmforge.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lmforge.dataprep.filter.quality.QualityClassifier;
import org.lmforge.dataprep.filter.quality.QualityClassifierConfig;
import org.lmforge.dataprep.filter.quality.QualityClassifierTrainer;
import org.lmforge.pipeline.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pipeline train-quality}: trains the reference-corpus quality classifier (hashed n-gram logistic
 * regression) on text the user points to: reference-quality text (e.g. Wikipedia, books) against raw crawl
 * text. Inputs are text files with one document per line (.gz allowed) or Parquet with a {@code text}
 * column (e.g. a clean output's docs/). Every tenth document is held out to report accuracy and AUC.
 */
@Command(name = "train-quality", mixinStandardHelpOptions = true,
    description = "Train the quality classifier: reference text (positives) vs crawl text (negatives).")
public final class TrainQualityCommand implements Callable<Integer> {
  @Mixin JobOptions job = new JobOptions();

  @Option(names = "--positives", required = true, paramLabel = "PATH") String positives;

  @Option(names = "--negatives", required = true, paramLabel = "PATH") String negatives;

  @Option(names = "--output", required = true, paramLabel = "MODEL.bin") Path output;

  @Option(names = "--max-docs", defaultValue = "200000", description = "Documents read per side (default ${DEFAULT-VALUE}).")
  int maxDocs;

  @Override
  public Integer call() {
    List<String> pos = read("--positives", positives);
    List<String> neg = read("--negatives", negatives);
    List<String> posTrain = new ArrayList<>();
    List<String> posTest = new ArrayList<>();
    List<String> negTrain = new ArrayList<>();
    List<String> negTest = new ArrayList<>();
    split(pos, posTrain, posTest);
    split(neg, negTrain, negTest);
    QualityClassifier model = QualityClassifierTrainer.train(posTrain, negTrain, QualityClassifierConfig.defaults());
    model.save(output);
    QualityClassifierTrainer.Evaluation e = QualityClassifierTrainer.evaluate(model, posTest, negTest);
    System.out.printf("trained on %d + %d documents; held out %d + %d: accuracy %.3f, AUC %.3f%nmodel: %s%n"
            + "use it with --conf clean.filters.qualityClassifier.modelPath=%s and add quality_classifier to "
            + "clean.filters.enabled%n", posTrain.size(), negTrain.size(), e.positives(), e.negatives(),
        e.accuracy(), e.auc(), output.toAbsolutePath(), output.toAbsolutePath());
    return 0;
  }

  private static void split(List<String> all, List<String> train, List<String> test) {
    for (int i = 0; i < all.size(); i++) {
      (i % 10 == 9 ? test : train).add(all.get(i));
    }
  }

  private List<String> read(String option, String path) {
    Path local = Path.of(path);
    List<String> out = new ArrayList<>();
    if (Files.isRegularFile(local) && !path.endsWith(".parquet")) {
      try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(path.endsWith(".gz")
          ? new java.util.zip.GZIPInputStream(Files.newInputStream(local)) : Files.newInputStream(local),
          java.nio.charset.StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null && out.size() < maxDocs) {
          if (!line.isBlank()) {
            out.add(line.replace("\\n", "\n"));
          }
        }
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException(option + " " + path + ": " + e.getMessage());
      }
    } else {
      try (SparkSession spark = Sessions.create("lmforge-train-quality", job.master())) {
        for (Row r : spark.read().parquet(path).select("text").where("text IS NOT NULL").limit(maxDocs).collectAsList()) {
          out.add(r.getString(0));
        }
      } catch (Exception e) {   // Spark's AnalysisException is checked but undeclared
        throw new IllegalArgumentException(option + " " + path + ": not a text file nor Parquet with a text column ("
            + e.getMessage() + ")");
      }
    }
    if (out.size() < 10) {
      throw new IllegalArgumentException(option + " " + path + ": " + out.size() + " documents; need at least 10");
    }
    return out;
  }
}
