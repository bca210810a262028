package org.lmforge.bench.filter;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.DocFilter;
import org.lmforge.dataprep.filter.FilterChain;
import org.lmforge.dataprep.filter.Filters;
import org.lmforge.dataprep.filter.FiltersConfig;
import org.lmforge.dataprep.filter.TestTexts;
import org.lmforge.dataprep.filter.quality.QualityClassifier;
import org.lmforge.dataprep.filter.quality.QualityClassifierConfig;
import org.lmforge.dataprep.filter.quality.QualityClassifierFilter;
import org.lmforge.dataprep.filter.quality.QualityClassifierTrainer;
import org.lmforge.dataprep.filter.safety.UrlBlocklistConfig;

/**
 * Per-rule cost of every filter on real text, against the cost of getting that text out of HTML.
 * Usage: {@code FiltersBench [pages=990] [rounds=3]}. Documents: the extraction-dev pages as raw
 * crawl text (one line per block element) plus Europarl documents. "Extraction" is jsoup parse +
 * block text of the same pages, a lower bound on a real extractor's cost (a main-text extractor
 * does more work, never less).
 */
public final class FiltersBench {
  public static void main(String[] args) {
    int pages = args.length > 0 ? Integer.parseInt(args[0]) : 990;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path shared = TestTexts.shared();
    List<String> html = TestTexts.devHtml(pages);

    long t0 = System.nanoTime();
    List<Doc> docs = new ArrayList<>();
    for (String h : html) {
      String text = TestTexts.blockText(h);
      docs.add(TestTexts.doc(text, guessLanguage(text)));
    }
    double extractUs = (System.nanoTime() - t0) / 1e3 / html.size();
    long t1 = System.nanoTime();
    for (String h : html) Jsoup.parse(h).body().text();
    double parseUs = (System.nanoTime() - t1) / 1e3 / html.size();
    for (String t : TestTexts.europarl(html.size())) docs.add(TestTexts.doc(t, guessLanguage(t)));

    QualityClassifier model = trainModel(docs);
    Path u = shared.resolve("url-blocklist");
    FiltersConfig d = FiltersConfig.defaults();
    FiltersConfig all =
        new FiltersConfig(
            Filters.ALL,
            d.gopherQuality(),
            d.gopherRepetition(),
            d.c4(),
            d.fineweb(),
            d.lexicalSafety(),
            new UrlBlocklistConfig(
                true,
                List.of(u.resolve("easylist.txt.gz").toString()),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                2),
            d.optOut(),
            QualityClassifierConfig.defaults(),
            d.pii());
    List<DocFilter> filters = new ArrayList<>();
    for (String name : Filters.ALL) {
      filters.add(
          name.equals(QualityClassifierFilter.NAME)
              ? new QualityClassifierFilter(model, -1)
              : Filters.create(name, all));
    }
    FilterChain chain = new FilterChain(filters);

    long chars = docs.stream().mapToLong(x -> x.text().length()).sum();
    System.out.printf(
        "docs: %d (%d pages as raw crawl text + %d Europarl), %.0f chars/doc mean%n",
        docs.size(), html.size(), docs.size() - html.size(), chars / (double) docs.size());
    System.out.printf(
        "extraction proxy: jsoup parse + block text %.0f us/page (parse + body().text() %.0f)%n",
        extractUs, parseUs);

    Map<String, Double> perRule = new LinkedHashMap<>();
    for (int r = 0; r < rounds; r++) { // round 0 warms up the JIT
      for (DocFilter f : filters) {
        long s = System.nanoTime();
        long sink = 0;
        for (Doc doc : docs) sink += f.apply(doc).charsRemoved();
        double us = (System.nanoTime() - s) / 1e3 / docs.size();
        if (r == rounds - 1) perRule.put(f.name(), us);
        if (sink == 42) System.out.print("");
      }
    }
    Map<String, Integer> drops = new TreeMap<>();
    long s = System.nanoTime();
    int kept = 0;
    for (Doc doc : docs) {
      FilterChain.Result res = chain.apply(doc);
      if (res.kept()) kept++;
      else drops.merge(res.reason(), 1, Integer::sum);
    }
    double chainUs = (System.nanoTime() - s) / 1e3 / docs.size();

    double sum = 0;
    System.out.println("\n| filter | us/doc (each filter on every doc) | share of extraction |");
    System.out.println("|---|---:|---:|");
    for (var e : perRule.entrySet()) {
      sum += e.getValue();
      System.out.printf(
          "| %s | %.1f | %.1f%% |%n", e.getKey(), e.getValue(), 100 * e.getValue() / extractUs);
    }
    System.out.printf(
        "| all filters, each on every doc | %.1f | %.1f%% |%n", sum, 100 * sum / extractUs);
    System.out.printf(
        "| chain (stops at first drop) | %.1f | %.1f%% |%n", chainUs, 100 * chainUs / extractUs);
    System.out.printf("%nchain: %.0f docs/s, kept %d of %d%n", 1e6 / chainUs, kept, docs.size());
    drops.forEach((k, v) -> System.out.printf("  %-40s %d%n", k, v));
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
      peak += p.getPeakUsage().getUsed();
    System.out.printf(
        "peak memory (sum of pool peaks): %.0f MiB, heap now %.0f MiB%n",
        peak / 1048576.0,
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
  }

  /**
   * Stand-in for the Lingua language ID of the clean job (too slow to build here): "en" when
   * English function words are frequent, "de" for German ones, else "unknown". Only the
   * English-only stop-word rule and the bad-word list choice depend on it.
   */
  static String guessLanguage(String text) {
    String t = " " + text.toLowerCase() + " ";
    int en = count(t, " the ") + count(t, " and ") + count(t, " of ");
    int de = count(t, " der ") + count(t, " und ") + count(t, " die ");
    if (en >= 3 && en > de) return "en";
    if (de >= 3) return "de";
    return "unknown";
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
