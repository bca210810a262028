package org.lmforge.dataprep.filter.quality;

import java.io.Serializable;
import org.lmforge.config.Defaults;
import org.lmforge.config.Require;

/**
 * Reference-corpus quality classifier ("looks like Wikipedia and books", as GPT-3's filter, Brown
 * et al. 2020 App. A, and the Llama / DCLM fastText classifiers): hashed word 1..2-gram logistic
 * regression.
 *
 * @param modelPath model file written by {@link QualityClassifier#save}; required when the filter
 *     is enabled
 * @param minScore drop documents scoring below this; -1 keeps everything and only records the score
 * @param hashBits 18: 2^18 hashed features (1 MiB of float weights)
 * @param maxNgram 2: word n-grams 1..maxNgram
 * @param epochs 5 passes of AdaGrad SGD over the training set
 * @param learningRate 0.2 (AdaGrad base rate)
 * @param l2 1e-6 L2 penalty per update
 * @param maxChars 20,000: only the first characters of a document are featurised (speed)
 * @param seed shuffle seed
 */
public record QualityClassifierConfig(
    String modelPath,
    double minScore,
    int hashBits,
    int maxNgram,
    int epochs,
    double learningRate,
    double l2,
    int maxChars,
    long seed)
    implements Serializable {

  public QualityClassifierConfig {
    // the weights are a float[2^hashBits]; a model file with more is refused on load
    // (QualityClassifier.load)
    Require.between("clean.filters.qualityClassifier.hashBits", hashBits, 1, 28);
    Require.atLeast("clean.filters.qualityClassifier.maxNgram", maxNgram, 1);
  }

  /** The shipped defaults: {@code filters.qualityClassifier} of conf/filters.conf. */
  public static QualityClassifierConfig defaults() {
    return Defaults.of("filters", "filters.qualityClassifier", QualityClassifierConfig.class);
  }
}
