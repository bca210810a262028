package org.lmforge.dataprep.filter.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.config.Records;
import org.lmforge.dataprep.filter.TestTexts;

/**
 * Reference text (Europarl, Shakespeare) against raw crawl text (every text node of real pages,
 * menus and footers included); trained on one part, evaluated on held-out documents of both kinds.
 */
class QualityClassifierTest {
  @TempDir Path tmp;

  @Test
  void separatesReferenceTextFromRawCrawlOnHeldOutDocuments() {
    List<String> europarl = TestTexts.europarl(600);
    String shakespeare = TestTexts.shakespeare();
    List<String> pos = new ArrayList<>(europarl);
    for (int i = 0; i + 3000 <= shakespeare.length() && i < 300_000; i += 3000)
      pos.add(shakespeare.substring(i, i + 3000));
    List<String> neg = new ArrayList<>();
    for (String html : TestTexts.devHtml(300)) {
      String t = TestTexts.blockText(html);
      if (t.length() > 200) neg.add(t);
    }
    List<String> posTrain = new ArrayList<>();
    List<String> posTest = new ArrayList<>();
    List<String> negTrain = new ArrayList<>();
    List<String> negTest = new ArrayList<>();
    for (int i = 0; i < pos.size(); i++) (i % 5 == 0 ? posTest : posTrain).add(pos.get(i));
    for (int i = 0; i < neg.size(); i++) (i % 5 == 0 ? negTest : negTrain).add(neg.get(i));

    QualityClassifier m =
        QualityClassifierTrainer.train(posTrain, negTrain, QualityClassifierConfig.defaults());
    QualityClassifierTrainer.Evaluation e = QualityClassifierTrainer.evaluate(m, posTest, negTest);
    System.out.printf(
        "quality classifier held-out: %d reference, %d crawl docs, accuracy %.3f, AUC %.3f%n",
        e.positives(), e.negatives(), e.accuracy(), e.auc());
    assertTrue(e.auc() > 0.9, "AUC " + e.auc());
    assertTrue(e.accuracy() > 0.85, "accuracy " + e.accuracy());

    Path file = tmp.resolve("quality.bin");
    m.save(file);
    QualityClassifier back = QualityClassifier.load(file);
    for (String t : posTest.subList(0, 5)) assertEquals(m.score(t), back.score(t), 1e-9);

    QualityClassifierConfig d = QualityClassifierConfig.defaults();
    double s = m.score(negTest.get(0));
    QualityClassifierFilter at = new QualityClassifierFilter(m, s);
    QualityClassifierFilter above = new QualityClassifierFilter(m, Math.nextUp(s));
    assertEquals(null, at.apply(TestTexts.doc(negTest.get(0), "en")).reason());
    assertEquals(
        "quality_classifier.low_score", above.apply(TestTexts.doc(negTest.get(0), "en")).reason());
    assertEquals(
        s, at.apply(TestTexts.doc(negTest.get(0), "en")).scores().get("quality_classifier.score"));
    assertTrue(d.minScore() < 0, "by default the score is only recorded");
  }

  @Test
  void missingModelIsAnErrorNamingThePath() {
    QualityClassifierConfig missing =
        Records.with(
            QualityClassifierConfig.defaults(), "modelPath", "/no/such/model.bin", "minScore", 0.5);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new QualityClassifierFilter(missing));
    assertTrue(e.getMessage().contains("/no/such/model.bin"));
  }
}
