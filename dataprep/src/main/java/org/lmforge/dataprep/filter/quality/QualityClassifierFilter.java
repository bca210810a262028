package org.lmforge.dataprep.filter.quality;

import java.nio.file.Path;
import java.util.Map;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.DocFilter;
import org.lmforge.dataprep.filter.ListFiles;
import org.lmforge.dataprep.filter.Verdict;

/**
 * Scores each document with the reference-corpus classifier ({@code quality_classifier.score}) and, when
 * {@code minScore >= 0}, drops those below it ({@code quality_classifier.low_score}).
 */
public final class QualityClassifierFilter implements DocFilter {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "quality_classifier";
  public static final String LOW_SCORE = NAME + ".low_score";
  public static final String SCORE = NAME + ".score";

  private final QualityClassifier model;
  private final double minScore;

  public QualityClassifierFilter(QualityClassifierConfig cfg) {
    ListFiles.require("filters.qualityClassifier.modelPath", cfg.modelPath());
    this.model = ListFiles.cached("quality_model", cfg.modelPath(), p -> QualityClassifier.load(Path.of(p)));
    this.minScore = cfg.minScore();
  }

  public QualityClassifierFilter(QualityClassifier model, double minScore) {
    this.model = model;
    this.minScore = minScore;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Verdict apply(Doc d) {
    double s = model.score(d.text());
    Map<String, Double> scores = Map.of(SCORE, s);
    return minScore >= 0 && s < minScore ? Verdict.drop(d, LOW_SCORE, scores) : Verdict.keep(d, scores);
  }
}
