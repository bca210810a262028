package org.lmforge.bench.filter;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lmforge.bench.BenchArgs;
import org.lmforge.config.Records;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.extract.MainTextExtractor;
import org.lmforge.dataprep.filter.DocFilter;
import org.lmforge.dataprep.filter.FilterChain;
import org.lmforge.dataprep.filter.Filters;
import org.lmforge.dataprep.filter.FiltersConfig;
import org.lmforge.dataprep.filter.TestTexts;
import org.lmforge.dataprep.filter.quality.QualityClassifier;
import org.lmforge.dataprep.filter.quality.QualityClassifierConfig;
import org.lmforge.dataprep.filter.quality.QualityClassifierFilter;
import org.lmforge.dataprep.filter.quality.QualityClassifierTrainer;

/**
 * Per-rule cost of every filter on real pages, against the cost of getting their text out of the
 * HTML, like for like: the filters run on each extraction-dev page's main text as {@link
 * MainTextExtractor} gives it, and "extraction" is that extractor on the same pages. Every time is
 * the median of the rounds after the first (the JIT's), all from the same rounds. Usage: {@code
 * FiltersBench [pages=990] [rounds=5]}.
 */
public final class FiltersBench {
  public static void main(String[] args) {
    int pages = BenchArgs.intAt(args, 0, 990);
    int rounds = Math.max(2, BenchArgs.intAt(args, 1, 5));
    Path shared = TestTexts.shared();
    List<String> html = TestTexts.devHtml(pages);

    // What the clean job filters: each page's main text as the extractor gives it (pages it finds
    // no text in are dropped before the filters, extract.no_text). Europarl documents, clean long
    // text, train the classifier with the pages and are timed apart.
    MainTextExtractor extractor = new MainTextExtractor();
    List<Doc> pageDocs = new ArrayList<>();
    for (String h : html) {
      String text = extractor.extract(h, URL).text();
      if (!text.isEmpty()) pageDocs.add(TestTexts.doc(text, guessLanguage(text)));
    }
    List<Doc> europarl = new ArrayList<>();
    for (String t : TestTexts.europarl(html.size()))
      europarl.add(TestTexts.doc(t, guessLanguage(t)));
    List<Doc> docs = new ArrayList<>(pageDocs);
    docs.addAll(europarl);

    QualityClassifier model = trainModel(docs);
    Path u = shared.resolve("url-blocklist");
    FiltersConfig d = FiltersConfig.defaults();
    // every filter, and EasyList's domains on top of the bundled URL word lists
    FiltersConfig all =
        Records.with(
            d,
            "enabled",
            Filters.ALL,
            "urlBlocklist",
            Records.with(
                d.urlBlocklist(), "domainFiles", List.of(u.resolve("easylist.txt.gz").toString())));
    List<DocFilter> filters = new ArrayList<>();
    for (String name : Filters.ALL) {
      filters.add(
          name.equals(QualityClassifierFilter.NAME)
              ? new QualityClassifierFilter(model, -1)
              : Filters.create(name, all));
    }
    FilterChain chain = new FilterChain(filters);

    System.out.printf(
        "pages: %d (extraction-dev), main text %.0f chars/page mean%n",
        html.size(), pageDocs.stream().mapToLong(x -> x.text().length()).average().orElse(0));

    // Every figure is timed in every round, the extraction proxy included, and the median of the
    // rounds after the first (the JIT's warm-up) is reported: numerator and denominator both warm,
    // from the same rounds.
    Map<String, List<Double>> perRound = new LinkedHashMap<>();
    Map<String, Integer> drops = new TreeMap<>();
    int kept = 0;
    long sink = 0;
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      for (String h : html) sink += extractor.extract(h, URL).text().length();
      record(perRound, r, EXTRACT, (System.nanoTime() - t0) / 1e3 / html.size());
      t0 = System.nanoTime();
      for (String h : html) sink += TestTexts.blockText(h).length();
      record(perRound, r, PROXY, (System.nanoTime() - t0) / 1e3 / html.size());
      for (DocFilter f : filters) {
        t0 = System.nanoTime();
        for (Doc doc : pageDocs) sink += f.apply(doc).charsRemoved();
        record(perRound, r, f.name(), (System.nanoTime() - t0) / 1e3 / html.size());
      }
      drops.clear();
      kept = 0;
      t0 = System.nanoTime();
      for (Doc doc : pageDocs) {
        FilterChain.Result res = chain.apply(doc);
        if (res.kept()) kept++;
        else drops.merge(res.reason(), 1, Integer::sum);
      }
      record(perRound, r, CHAIN, (System.nanoTime() - t0) / 1e3 / html.size());
      t0 = System.nanoTime();
      for (Doc doc : europarl) sink += chain.apply(doc).kept() ? 1 : 0;
      record(perRound, r, CHAIN_EUROPARL, (System.nanoTime() - t0) / 1e3 / europarl.size());
    }
    if (sink == 42) System.out.print("");
    double extractUs = median(perRound.remove(EXTRACT));
    double proxyUs = median(perRound.remove(PROXY));
    double chainUs = median(perRound.remove(CHAIN));
    double europarlUs = median(perRound.remove(CHAIN_EUROPARL));
    Map<String, Double> perRule = new LinkedHashMap<>();
    perRound.forEach((name, us) -> perRule.put(name, median(us)));
    System.out.printf(
        "extraction: MainTextExtractor %.0f us/page (jsoup parse + block text, a lower bound, %.0f); "
            + "%d of %d pages have main text; medians of rounds 2-%d, per page%n",
        extractUs, proxyUs, pageDocs.size(), html.size(), rounds);

    double sum = 0;
    System.out.println(
        "\n| filter | us/page (each filter on every page's text) | share of extraction |");
    System.out.println("|---|---:|---:|");
    for (var e : perRule.entrySet()) {
      sum += e.getValue();
      System.out.printf(
          "| %s | %.1f | %.1f%% |%n", e.getKey(), e.getValue(), 100 * e.getValue() / extractUs);
    }
    System.out.printf(
        "| all filters, each on every page | %.1f | %.1f%% |%n", sum, 100 * sum / extractUs);
    System.out.printf(
        "| chain (stops at first drop) | %.1f | %.1f%% |%n", chainUs, 100 * chainUs / extractUs);
    System.out.printf(
        "%nchain on the pages' text: kept %d of %d pages with text; on %d Europarl documents "
            + "(%,.0f chars each on average): %.0f us/doc%n",
        kept,
        pageDocs.size(),
        europarl.size(),
        europarl.stream().mapToLong(x -> x.text().length()).average().orElse(0),
        europarlUs);
    drops.forEach((k, v) -> System.out.printf("  %-40s %d%n", k, v));
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
      peak += p.getPeakUsage().getUsed();
    System.out.printf(
        "peak memory (sum of pool peaks): %.0f MiB, heap now %.0f MiB%n",
        peak / 1048576.0,
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
  }

  private static final String URL = "https://example.org/page";
  private static final String EXTRACT = "(extract)",
      PROXY = "(proxy)",
      CHAIN = "(chain)",
      CHAIN_EUROPARL = "(chain, europarl)";

  /** Keeps a round's time, except round 0's (the JIT's warm-up). */
  private static void record(
      Map<String, List<Double>> perRound, int round, String name, double us) {
    if (round > 0) perRound.computeIfAbsent(name, k -> new ArrayList<>()).add(us);
  }

  private static double median(List<Double> xs) {
    double[] v = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /**
   * Stand-in for the Lingua language ID of the clean job (too slow to build here): "en" when
   * English function words are frequent, "de" for German ones, else "other", a known language that
   * is neither (Lingua names every Europarl language; "unknown" would put a French debate under the
   * English stop-word rule, which covers unknown-language documents). Only the English-only
   * stop-word rule and the bad-word list choice depend on it.
   */
  static String guessLanguage(String text) {
    String t = " " + text.toLowerCase() + " ";
    int en = count(t, " the ") + count(t, " and ") + count(t, " of ");
    int de = count(t, " der ") + count(t, " und ") + count(t, " die ");
    if (en >= 3 && en > de) return "en";
    if (de >= 3) return "de";
    return "other";
  }

  private static int count(String t, String w) {
    int c = 0;
    for (int i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + 1)) c++;
    return c;
  }

  /**
   * Reference text (Europarl docs not benchmarked) vs raw crawl text (500 of the pages): a
   * realistic model.
   */
  private static QualityClassifier trainModel(List<Doc> docs) {
    List<String> europarl = TestTexts.europarl(4000);
    return QualityClassifierTrainer.train(
        europarl.subList(2000, 4000),
        docs.stream().limit(500).map(Doc::text).toList(),
        QualityClassifierConfig.defaults());
  }
}
