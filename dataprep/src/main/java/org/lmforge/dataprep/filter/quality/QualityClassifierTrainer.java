package org.lmforge.dataprep.filter.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Trains a {@link QualityClassifier}: positives are reference-quality text (Wikipedia, books,
 * parliament proceedings), negatives raw crawl text. Logistic regression with AdaGrad SGD, classes
 * weighted to balance. The training set is held in memory as sparse vectors: sample it upstream
 * (tens of thousands of documents per class are plenty for a 2^18-feature linear model).
 */
public final class QualityClassifierTrainer {
  private QualityClassifierTrainer() {}

  /** Held-out figures: accuracy at 0.5 and ROC AUC. */
  public record Evaluation(int positives, int negatives, double accuracy, double auc) {}

  public static QualityClassifier train(
      Iterable<String> positives, Iterable<String> negatives, QualityClassifierConfig cfg) {
    QualityClassifier model = new QualityClassifier(cfg.hashBits(), cfg.maxNgram(), cfg.maxChars());
    List<QualityClassifier.Features> xs = new ArrayList<>();
    List<Boolean> ys = new ArrayList<>();
    int pos = 0;
    int neg = 0;
    for (String t : positives) {
      xs.add(model.features(t));
      ys.add(true);
      pos++;
    }
    for (String t : negatives) {
      xs.add(model.features(t));
      ys.add(false);
      neg++;
    }
    if (pos == 0 || neg == 0) {
      throw new IllegalArgumentException(
          "quality classifier needs both classes: " + pos + " positives, " + neg + " negatives");
    }
    double wPos = (pos + neg) / (2.0 * pos);
    double wNeg = (pos + neg) / (2.0 * neg);
    float[] w = model.weights;
    float[] g2 = new float[w.length];
    double biasG2 = 0;
    int[] order = new int[xs.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Random rnd = new Random(cfg.seed());
    double lr = cfg.learningRate();
    float l2 = (float) cfg.l2();
    for (int epoch = 0; epoch < cfg.epochs(); epoch++) {
      shuffle(order, rnd);
      for (int i : order) {
        QualityClassifier.Features f = xs.get(i);
        boolean y = ys.get(i);
        double z = model.bias;
        for (int k = 0; k < f.index().length; k++) z += w[f.index()[k]] * f.value()[k];
        double p = 1 / (1 + Math.exp(-z));
        double grad = (p - (y ? 1 : 0)) * (y ? wPos : wNeg); // d loss / d z
        for (int k = 0; k < f.index().length; k++) {
          int j = f.index()[k];
          float gj = (float) (grad * f.value()[k]) + l2 * w[j];
          g2[j] += gj * gj;
          w[j] -= (float) (lr * gj / (Math.sqrt(g2[j]) + 1e-8));
        }
        biasG2 += grad * grad;
        model.bias -= (float) (lr * grad / (Math.sqrt(biasG2) + 1e-8));
      }
    }
    return model;
  }

  public static Evaluation evaluate(
      QualityClassifier model, Iterable<String> positives, Iterable<String> negatives) {
    List<Double> ps = new ArrayList<>();
    List<Double> ns = new ArrayList<>();
    for (String t : positives) ps.add(model.score(t));
    for (String t : negatives) ns.add(model.score(t));
    long correct =
        ps.stream().filter(s -> s >= 0.5).count() + ns.stream().filter(s -> s < 0.5).count();
    return new Evaluation(
        ps.size(), ns.size(), correct / (double) (ps.size() + ns.size()), auc(ps, ns));
  }

  /** ROC AUC by ranks (Mann-Whitney U), ties counted half. */
  static double auc(List<Double> pos, List<Double> neg) {
    double[] n = neg.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double u = 0;
    for (double p : pos) {
      int lo = lowerBound(n, p);
      int hi = lowerBound(n, Math.nextUp(p));
      u += lo + (hi - lo) / 2.0;
    }
    return pos.isEmpty() || n.length == 0 ? Double.NaN : u / ((double) pos.size() * n.length);
  }

  private static int lowerBound(double[] a, double x) {
    int i = Arrays.binarySearch(a, x);
    if (i < 0) return -i - 1;
    while (i > 0 && a[i - 1] == x) i--;
    return i;
  }

  private static void shuffle(int[] a, Random rnd) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
