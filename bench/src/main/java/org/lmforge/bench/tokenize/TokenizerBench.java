package org.lmforge.bench.tokenize;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.lmforge.bench.BenchArgs;
import org.lmforge.dataprep.tokenize.BpeTokenizer;
import org.lmforge.dataprep.tokenize.BpeTrainer;
import org.lmforge.dataprep.tokenize.BpeTrainerConfig;
import org.lmforge.dataprep.tokenize.DocSplit;
import org.lmforge.dataprep.tokenize.PreTokenCounter;
import org.lmforge.dataprep.tokenize.TestCorpora;
import org.lmforge.dataprep.tokenize.TokenizerFiles;
import org.lmforge.dataprep.tokenize.TokenizerStats;

/**
 * Tokenizer figures for docs/tokenizer.md, on one thread:
 *
 * <ol>
 *   <li>encode throughput (MB/s of UTF-8) of our encoder with GPT-2's ranks vs JTokkit's r50k_base,
 *       same texts, each round on fresh encoders (cold piece cache), after checking that both give
 *       the same ids on every text
 *   <li>BPE training time for N merges on growing slices of Europarl (21 languages) +
 *       tinyshakespeare
 *   <li>bytes per token on held-apart English Europarl: a vocabulary trained on the other English
 *       lines vs GPT-2
 * </ol>
 *
 * Usage: {@code TokenizerBench [merges=32000] [rounds=3] [sections=encode,train,bpt]}.
 */
public final class TokenizerBench {

  public static void main(String[] args) throws Exception {
    int merges = BenchArgs.intAt(args, 0, 32_000);
    int rounds = BenchArgs.intAt(args, 1, 3);
    System.out.println(
        "java "
            + System.getProperty("java.version")
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cpus, max heap "
            + Runtime.getRuntime().maxMemory() / (1 << 20)
            + " MiB");
    String sections = BenchArgs.at(args, 2, "encode,train,bpt");
    List<String> texts = corpus();
    if (sections.contains("encode")) runEncode(texts, rounds);
    if (sections.contains("train")) runTraining(texts, merges);
    if (sections.contains("bpt")) runBytesPerToken();
    printMemory();
  }

  /** Europarl text column (all languages) and tinyshakespeare cut into 4 KB documents. */
  static List<String> corpus() throws Exception {
    List<String> texts = new ArrayList<>();
    for (byte[] line : TestCorpora.europarlLines()) texts.add(TestCorpora.text(line));
    String shakespeare = TestCorpora.tinyShakespeare();
    if (shakespeare != null) {
      for (int i = 0; i < shakespeare.length(); i += 4096)
        texts.add(shakespeare.substring(i, Math.min(shakespeare.length(), i + 4096)));
    }
    return texts;
  }

  static long utf8(List<String> texts) {
    long n = 0;
    for (String t : texts) n += t.getBytes(StandardCharsets.UTF_8).length;
    return n;
  }

  /**
   * Encode throughput of our encoder with GPT-2's ranks against JTokkit's r50k_base (the same
   * vocabulary), after checking that both give the same ids on every text. Each timed round starts
   * from a fresh encoder of each kind: ours remembers merged pieces in a per-instance cache, and an
   * encoder warmed on the very texts it is timed on would time cache lookups, not encoding. The
   * untimed id check, on other instances, warms up the JIT.
   */
  static void runEncode(List<String> texts, int rounds) {
    long bytes = utf8(texts);
    System.out.printf(
        Locale.ROOT,
        "%n== encode, one thread: %d documents, %.1f MB UTF-8 (Europarl 21 languages + tinyshakespeare)%n",
        texts.size(),
        bytes / 1e6);
    long tokens = checkIdsEqualJtokkit(texts);
    double bestOurs = 0;
    double bestJt = 0;
    double bestOursCpu = 0;
    double bestJtCpu = 0;
    for (int r = 0; r < rounds; r++) {
      Encoding jtokkit = r50k();
      BpeTokenizer ours = TokenizerFiles.gpt2FromClasspath(); // empty piece cache
      long t0 = System.nanoTime();
      long c0 = cpuNanos();
      long n = 0;
      for (String t : texts) n += jtokkit.encodeOrdinary(t).size();
      double jt = bytes / 1e6 / ((System.nanoTime() - t0) / 1e9);
      double jtCpu = bytes / 1e6 / ((cpuNanos() - c0) / 1e9);
      t0 = System.nanoTime();
      c0 = cpuNanos();
      long m = 0;
      for (String t : texts) m += ours.encode(t).length;
      double us = bytes / 1e6 / ((System.nanoTime() - t0) / 1e9);
      double usCpu = bytes / 1e6 / ((cpuNanos() - c0) / 1e9);
      if (m != tokens || n != tokens)
        throw new IllegalStateException(
            "token counts changed between passes: " + tokens + ", " + m + ", " + n);
      bestOurs = Math.max(bestOurs, us);
      bestJt = Math.max(bestJt, jt);
      bestOursCpu = Math.max(bestOursCpu, usCpu);
      bestJtCpu = Math.max(bestJtCpu, jtCpu);
      System.out.printf(
          Locale.ROOT,
          "round %d (fresh encoders, cold cache): lmforge %.2f MB/s (%.2f per CPU-second), JTokkit r50k %.2f MB/s (%.2f per CPU-second), %d tokens each%n",
          r + 1,
          us,
          usCpu,
          jt,
          jtCpu,
          n);
    }
    System.out.printf(
        Locale.ROOT,
        "best wall: lmforge %.2f MB/s, JTokkit %.2f MB/s, ratio %.2fx%n",
        bestOurs,
        bestJt,
        bestOurs / bestJt);
    System.out.printf(
        Locale.ROOT,
        "best per CPU-second: lmforge %.2f MB/s, JTokkit %.2f MB/s, ratio %.2fx; %.3f bytes/token%n",
        bestOursCpu,
        bestJtCpu,
        bestOursCpu / bestJtCpu,
        (double) bytes / tokens);
  }

  /**
   * Encodes every text with both encoders (fresh instances); fails if any text's ids differ.
   * Returns the tokens.
   */
  static long checkIdsEqualJtokkit(List<String> texts) {
    BpeTokenizer ours = TokenizerFiles.gpt2FromClasspath();
    Encoding jtokkit = r50k();
    long tokens = 0;
    int differ = 0;
    int first = -1;
    for (int i = 0; i < texts.size(); i++) {
      int[] a = ours.encode(texts.get(i));
      int[] b = jtokkit.encodeOrdinary(texts.get(i)).toArray();
      tokens += a.length;
      if (!Arrays.equals(a, b)) {
        differ++;
        if (first < 0) first = i;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "ids vs JTokkit r50k_base: %d of %d texts differ (%d tokens)%n",
        differ,
        texts.size(),
        tokens);
    if (differ > 0) {
      String t = texts.get(first);
      throw new IllegalStateException(
          differ
              + " of "
              + texts.size()
              + " texts encode to other ids than JTokkit's r50k_base;"
              + " the first is text "
              + first
              + ": \""
              + t.substring(0, Math.min(80, t.length()))
              + "...\"");
    }
    return tokens;
  }

  static Encoding r50k() {
    return Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.R50K_BASE);
  }

  static void runTraining(List<String> texts, int merges) {
    System.out.printf(Locale.ROOT, "%n== BPE training, %d merges%n", merges);
    for (double fraction : new double[] {0.25, 0.5, 1.0}) {
      List<String> slice = texts.subList(0, (int) (texts.size() * fraction));
      long t0 = System.nanoTime();
      PreTokenCounter counter = new PreTokenCounter();
      for (String t : slice) counter.add(t);
      double countS = (System.nanoTime() - t0) / 1e9;
      t0 = System.nanoTime();
      long c0 = cpuNanos();
      BpeTokenizer tok =
          BpeTrainer.train(
              counter.counts(),
              new BpeTrainerConfig(
                  "bench", 256 + merges + 1, List.of(BpeTokenizer.END_OF_TEXT), 2));
      double trainS = (System.nanoTime() - t0) / 1e9;
      double trainCpu = (cpuNanos() - c0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "%.1f MB text, %d distinct pre-tokens: count %.1f s, train %.1f s wall / %.1f s CPU (%d merges learned)%n",
          counter.bytes() / 1e6,
          counter.counts().size(),
          countS,
          trainS,
          trainCpu,
          tok.merges().size());
    }
  }

  static void runBytesPerToken() throws Exception {
    List<String> english = TestCorpora.englishEuroparl();
    DocSplit split = new DocSplit(0.2, 0);
    PreTokenCounter train = new PreTokenCounter();
    StringBuilder held = new StringBuilder();
    for (int i = 0; i < english.size(); i++) {
      if (split.isValidation("europarl-en-" + i)) held.append(english.get(i)).append('\n');
      else train.add(english.get(i));
    }
    BpeTokenizer gpt2 = TokenizerFiles.gpt2FromClasspath();
    TokenizerStats g = TokenizerStats.measure(gpt2, held.toString(), 10);
    System.out.printf(
        Locale.ROOT,
        "%n== bytes/token on held-apart English Europarl (%d of %d English lines, %.2f MB; "
            + "trained on the other %.2f MB)%n",
        held.toString().split("\n").length,
        english.size(),
        g.bytes() / 1e6,
        train.bytes() / 1e6);
    for (int vocab : new int[] {8192, 16384, 32768, 50257}) {
      BpeTokenizer ours =
          BpeTrainer.train(
              train.counts(), BpeTrainerConfig.gpt2Style("en-europarl-" + vocab, vocab));
      TokenizerStats s = TokenizerStats.measure(ours, held.toString(), 10);
      System.out.printf(
          Locale.ROOT,
          "vocab %5d (%5d merges learned): %.3f bytes/token vs GPT-2 %.3f (%+.1f%%)%n",
          vocab,
          ours.merges().size(),
          s.bytesPerToken(),
          g.bytesPerToken(),
          100 * (s.bytesPerToken() / g.bytesPerToken() - 1));
      if (vocab == 32768) System.out.print(TokenizerStats.sideBySide(s, g));
    }
  }

  /** CPU time of this thread: the machine is shared, so wall time alone over-states the cost. */
  static long cpuNanos() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  static void printMemory() throws Exception {
    long peakHeap = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) peakHeap += p.getPeakUsage().getUsed();
    }
    String hwm =
        Files.readAllLines(Path.of("/proc/self/status")).stream()
            .filter(l -> l.startsWith("VmHWM"))
            .findFirst()
            .orElse("VmHWM: ?");
    System.out.printf(
        Locale.ROOT,
        "%npeak heap (sum of pool peaks) %d MiB; process %s%n",
        peakHeap >> 20,
        hwm.replaceAll("\\s+", " "));
  }
}
