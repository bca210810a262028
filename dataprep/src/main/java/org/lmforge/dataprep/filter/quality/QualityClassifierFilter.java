package org.lmforge.dataprep.filter.quality;

import java.nio.file.Path;
import java.util.Map;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.BaseFilter;
import org.lmforge.dataprep.filter.ListFiles;

/**
 * Scores each document with the reference-corpus classifier ({@code quality_classifier.score}) and,
 * when {@code minScore >= 0}, drops those below it ({@code quality_classifier.low_score}).
 */
public final class QualityClassifierFilter extends BaseFilter<Double> {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "quality_classifier";

  private final QualityClassifier model;
  private final double minScore;

  public QualityClassifierFilter(QualityClassifierConfig cfg) {
    super(NAME);
    ListFiles.require("clean.filters.qualityClassifier.modelPath", cfg.modelPath());
    this.model =
        ListFiles.cached("quality_model", cfg.modelPath(), p -> QualityClassifier.load(Path.of(p)));
    this.minScore = cfg.minScore();
  }

  public QualityClassifierFilter(QualityClassifier model, double minScore) {
    super(NAME);
    this.model = model;
    this.minScore = minScore;
  }

  @Override
  public Double measure(Doc d) {
    return model.score(d.text());
  }

  @Override
  public String judge(Double score) {
    return minScore >= 0 && score < minScore ? NAME + ".low_score" : null;
  }

  @Override
  protected Map<String, Double> scores(Double score) {
    return Map.of(NAME + ".score", score);
  }
}
