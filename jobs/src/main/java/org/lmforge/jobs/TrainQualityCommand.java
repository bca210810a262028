package org.lmforge.jobs;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lmforge.config.ConfigBinder;
import org.lmforge.dataprep.filter.quality.QualityClassifierConfig;
import org.lmforge.pipeline.filter.QualityModelJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pipeline train-quality}: trains the reference-corpus quality classifier ({@link
 * QualityModelJob}). The training settings are the filter's own, {@code
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
  public Integer call() throws Exception {
    // the settings, printed as used; a bad key fails before any document is read
    Config c = job.load("clean");
    QualityClassifierConfig settings =
        ConfigBinder.bind(c, SETTINGS, QualityClassifierConfig.class);
    System.out.println(JobConfig.render(c, SETTINGS));
    Launch.run(
        "train-quality",
        job.master(),
        new QualityModelJob(
            new QualityModelJob.Config(positives, negatives, output, maxDocs, settings)));
    return 0;
  }
}
