package org.lmforge.bench.extract;

import de.l3s.boilerpipe.extractors.ArticleExtractor;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.lmforge.bench.BenchArgs;
import org.lmforge.dataprep.extract.DevSet;
import org.lmforge.dataprep.extract.MainTextExtractor;
import org.lmforge.dataprep.extract.SnippetScore;

/**
 * Scores the extraction candidates on the dev set (trafilatura's snippet scoring, {@link
 * SnippetScore}) on all pages and on the held-out fifth, and times them on one thread.
 *
 * <pre>
 * bin/bench ExtractionBench [own|all] [--dump DIR]
 * </pre>
 *
 * Prints one row per candidate: P/R/F1 (all), F1 (held-out), pages per CPU-second on one thread
 * (thread CPU time, so other load on the machine does not count), peak heap.
 */
public final class ExtractionBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    String which = BenchArgs.at(args, 0, "all");
    if (!DevSet.available()) {
      System.err.println(
          "dev set not found at " + DevSet.dir() + " (pass -Dshared.data=/path/to/shared/data)");
      System.exit(2);
    }
    List<DevSet.Page> pages = DevSet.load();
    List<String> htmls = new ArrayList<>(pages.size());
    long bytes = 0;
    for (DevSet.Page p : pages) {
      String h = p.readHtml();
      htmls.add(h);
      bytes += h.length();
    }
    System.out.printf(
        "dev set: %d pages, %.1f MB of HTML (chars), %d held out%n",
        pages.size(), bytes / 1e6, pages.stream().filter(DevSet.Page::heldOut).count());

    Map<String, Function<Integer, String>> candidates = new LinkedHashMap<>();
    MainTextExtractor own = new MainTextExtractor();
    candidates.put(
        "lmforge MainTextExtractor", i -> own.extract(htmls.get(i), pages.get(i).url()).text());
    if (which.equals("all")) {
      candidates.put(
          "raw text (jsoup body.text)",
          i -> {
            var b = Jsoup.parse(htmls.get(i)).body();
            return b == null ? "" : b.text();
          });
      candidates.put(
          "Readability4J 1.0.8",
          i -> new Readability4J(pages.get(i).url(), htmls.get(i)).parse().getTextContent());
      candidates.put(
          "boilerpipe 1.2.3 ArticleExtractor",
          i -> {
            try {
              return ArticleExtractor.INSTANCE.getText(htmls.get(i));
            } catch (Exception | StackOverflowError e) {
              return "";
            }
          });
    }

    System.out.printf(
        "%-36s %6s %6s %6s %10s %8s %10s%n",
        "candidate", "P", "R", "F1", "F1 heldout", "pages/s", "peak heap");
    for (Map.Entry<String, Function<Integer, String>> c : candidates.entrySet()) {
      // warm-up on 50 pages so JIT compilation is not timed
      for (int i = 0; i < Math.min(50, pages.size()); i++) safe(c.getValue(), i);
      System.gc();
      resetPeaks();
      SnippetScore all = new SnippetScore(), held = new SnippetScore();
      long nanos = 0;
      for (int i = 0; i < pages.size(); i++) {
        // thread CPU time, not wall time: the build machine is shared, and waiting for a core is
        // not our cost
        long t0 = THREADS.getCurrentThreadCpuTime();
        String out = safe(c.getValue(), i);
        nanos += THREADS.getCurrentThreadCpuTime() - t0;
        all.add(pages.get(i), out);
        if (pages.get(i).heldOut()) held.add(pages.get(i), out);
      }
      System.out.printf(
          "%-36s %6.3f %6.3f %6.3f %10.3f %8.1f %8d MB%n",
          c.getKey(),
          all.precision(),
          all.recall(),
          all.f1(),
          held.f1(),
          pages.size() / (nanos / 1e9),
          peakHeapBytes() >> 20);
    }
    System.out.printf("process peak RSS (VmHWM): %d MB%n", vmHwmKb() >> 10);
  }

  private static String safe(Function<Integer, String> f, int i) {
    try {
      return f.apply(i);
    } catch (RuntimeException | StackOverflowError e) {
      return "";
    }
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
  }

  /** Sum of the heap pools' peaks since the last reset (an upper bound of the peak heap). */
  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
    }
    return sum;
  }

  private static long vmHwmKb() {
    try {
      for (String line :
          java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", ""));
      }
    } catch (Exception ignored) {
      // not Linux: no RSS figure
    }
    return 0;
  }
}
