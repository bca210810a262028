package org.lmforge.dataprep.filter.quality;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A trained hashed n-gram logistic regression: {@link #score} is P(reference-quality | text) in [0,
 * 1]. Features: lower-cased words (letter/digit runs), 1..maxNgram-grams hashed into 2^hashBits
 * signed buckets, log(1 + count), L2-normalised. File format: "LMQC", version, hashBits, maxNgram,
 * maxChars, bias, weights.
 */
public final class QualityClassifier implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MAGIC = 0x4C4D5143; // "LMQC"
  private static final int VERSION = 1;

  final int hashBits;
  final int maxNgram;
  final int maxChars;
  final float[] weights;
  float bias;

  QualityClassifier(int hashBits, int maxNgram, int maxChars) {
    this.hashBits = hashBits;
    this.maxNgram = maxNgram;
    this.maxChars = maxChars;
    this.weights = new float[1 << hashBits];
  }

  /**
   * Sparse features of one text: bucket indices (a bucket may repeat, once per sign) and values.
   */
  record Features(int[] index, float[] value) {}

  public double score(String text) {
    Features f = features(text);
    double z = bias;
    for (int i = 0; i < f.index.length; i++) z += weights[f.index[i]] * f.value[i];
    return 1 / (1 + Math.exp(-z));
  }

  Features features(String text) {
    String t = text.length() > maxChars ? text.substring(0, maxChars) : text;
    t = t.toLowerCase(Locale.ROOT);
    int mask = (1 << hashBits) - 1;
    int[] raw = new int[64];
    int n = 0;
    long[] prev = new long[Math.max(1, maxNgram - 1)];
    int seen = 0;
    int i = 0;
    int len = t.length();
    while (i < len) {
      while (i < len && !Character.isLetterOrDigit(t.charAt(i))) i++;
      int start = i;
      long h = 0xcbf29ce484222325L;
      while (i < len && Character.isLetterOrDigit(t.charAt(i))) {
        h = (h ^ t.charAt(i)) * 0x100000001B3L;
        i++;
      }
      if (i == start) break;
      long word = LongCounts.mix(h);
      if (n + maxNgram >= raw.length) raw = Arrays.copyOf(raw, raw.length * 2);
      raw[n++] = signed(word, mask);
      long g = word;
      for (int k = 1; k < maxNgram && k <= seen; k++) {
        g = LongCounts.mix(g * 31 + prev[k - 1] + k);
        raw[n++] = signed(g, mask);
      }
      // shift the window of previous words
      for (int k = prev.length - 1; k > 0; k--) prev[k] = prev[k - 1];
      prev[0] = word;
      seen++;
    }
    // raw entries carry the sign in the top bit: sort by bucket, then sum signed log counts
    int[] keys = Arrays.copyOf(raw, n);
    Arrays.sort(keys);
    int[] idx = new int[n];
    float[] val = new float[n];
    int m = 0;
    for (int a = 0; a < n; ) {
      int b = a;
      while (b < n && keys[b] == keys[a]) b++;
      int bucket = keys[a] & 0x7FFFFFFF;
      float v = (float) Math.log1p(b - a) * (keys[a] < 0 ? -1 : 1);
      if (m > 0 && idx[m - 1] == bucket) {
        val[m - 1] += v;
      } else {
        idx[m] = bucket;
        val[m++] = v;
      }
      a = b;
    }
    double norm = 0;
    for (int k = 0; k < m; k++) norm += val[k] * val[k];
    float inv = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
    for (int k = 0; k < m; k++) val[k] *= inv;
    return new Features(Arrays.copyOf(idx, m), Arrays.copyOf(val, m));
  }

  /** Bucket in the low bits, sign of the feature (from another hash bit) in the top bit. */
  private static int signed(long h, int mask) {
    int bucket = (int) (h & mask);
    return (h >>> 63) == 0 ? bucket : bucket | 0x80000000;
  }

  public void save(Path file) {
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(hashBits);
      out.writeInt(maxNgram);
      out.writeInt(maxChars);
      out.writeFloat(bias);
      for (float w : weights) out.writeFloat(w);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write quality model " + file.toAbsolutePath(), e);
    }
  }

  public static QualityClassifier load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "clean.filters.qualityClassifier.modelPath: no such file: "
              + file.toAbsolutePath()
              + " (train one with QualityClassifierTrainer)");
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException(
            file.toAbsolutePath() + " is not a quality model (bad magic)");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IllegalArgumentException(
            file.toAbsolutePath() + ": model version " + version + ", this code reads " + VERSION);
      }
      int bits = in.readInt();
      if (bits < 1 || bits > 28)
        throw new IllegalArgumentException(file.toAbsolutePath() + ": bad hashBits " + bits);
      QualityClassifier c = new QualityClassifier(bits, in.readInt(), in.readInt());
      c.bias = in.readFloat();
      for (int i = 0; i < c.weights.length; i++) c.weights[i] = in.readFloat();
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read quality model " + file.toAbsolutePath(), e);
    }
  }
}
