package org.lmforge.bench.train;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lmforge.bench.BenchArgs;
import org.lmforge.dataprep.SharedData;
import org.lmforge.model.eval.EvalResult;
import org.lmforge.model.eval.Evaluator;
import org.lmforge.model.gpt.GptConfig;
import org.lmforge.model.train.BatchSampler;
import org.lmforge.model.train.CharTokenizer;
import org.lmforge.model.train.IntArrayTokenStream;
import org.lmforge.model.train.Optim;
import org.lmforge.model.train.TrainConfig;
import org.lmforge.model.train.Trainer;

/**
 * nanoGPT's published CPU run on tinyshakespeare, character level: n_layer 4, n_head 4, n_embd 128,
 * block 64, batch 12, 2000 iterations, dropout 0, lr 1e-3 (warmup 100, cosine to 1e-4), AdamW (0.9,
 * 0.99), wd 0.1, clip 1.0; 90/10 train/val split. nanoGPT reports val loss 1.88. The evaluations
 * every 250 steps (and at the last step) score nanoGPT's CPU setting, 15,360 fixed validation
 * tokens, for the curve; the RESULT line, the figure of this benchmark, scores the whole validation
 * split. Usage: ShakespeareCharBench [input.txt] [iterations] [metrics.jsonl]
 */
public final class ShakespeareCharBench {
  public static void main(String[] args) throws Exception {
    Path input =
        args.length > 0 ? Path.of(args[0]) : SharedData.path("tinyshakespeare", "input.txt");
    int iters = BenchArgs.intAt(args, 1, 2000);
    Path metrics = Path.of(BenchArgs.at(args, 2, "target-model/shakespeare-metrics.jsonl"));
    Files.deleteIfExists(metrics);
    String text = Files.readString(input, StandardCharsets.UTF_8);
    CharTokenizer tok = new CharTokenizer(text);
    IntArrayTokenStream all = tok.stream(text);
    int n = (int) (0.9 * all.size());
    GptConfig model = GptConfig.of(tok.vocabSize(), 64, 4, 4, 128, 0.0);
    TrainConfig cfg =
        new TrainConfig(
            model,
            new Optim(
                12, 1, iters, 1e-3, 1e-4, 100, 0.9, 0.99, 0.1, 1.0, 1337, BatchSampler.Mode.RANDOM),
            new TrainConfig.Cadence(250, 20 * 12 * 64, 50, 0));
    // evaluations during training use nanoGPT's CPU setting (eval_iters 20 x batch 12 x block 64 =
    // 15,360
    // tokens, fixed windows here); the whole validation split (111k tokens) at step 0 made the
    // first step slow
    IntArrayTokenStream val = all.slice(n, (int) all.size());
    Trainer trainer = new Trainer(cfg, all.slice(0, n), val, null, null);
    System.out.printf(
        "periodic evals (step N: val loss): %,d fixed validation tokens (nanoGPT's eval_iters 20 x 12 x 64);"
            + " the RESULT line: the whole validation split, %,d tokens%n",
        cfg.cadence().evalTokens(), val.size());
    long t0 = System.nanoTime();
    EvalResult periodic = trainer.run(metrics);
    double s = (System.nanoTime() - t0) / 1e9;
    // every complete 64-token window of the split, in order: all but the last (size - 1) % 64
    // predictable tokens
    EvalResult r =
        new Evaluator(val, model.contextLength(), 64, Long.MAX_VALUE).evaluate(trainer.model());
    System.out.printf(
        "final evaluation on the whole validation split: %.1f s%n",
        (System.nanoTime() - t0) / 1e9 - s);
    System.out.printf(
        "RESULT val_loss %.4f ppl %.3f bpb %.4f on the whole validation split (%,d of its %,d predictable"
            + " tokens, every complete %d-token window; nanoGPT reports 1.88); periodic eval at step %d on %,d tokens:"
            + " %.4f; %d iterations in %.0f s = %.0f tokens/s (incl. evals; OMP_NUM_THREADS=%s, load average %s); peak"
            + " heap %d MiB, VmHWM %s%n",
        r.loss(),
        r.perplexity(),
        r.bitsPerByte(),
        r.tokens(),
        val.size() - 1,
        model.contextLength(),
        iters,
        periodic.tokens(),
        periodic.loss(),
        iters,
        s,
        (double) iters * cfg.tokensPerStep() / s,
        System.getenv("OMP_NUM_THREADS"),
        loadAverage(),
        peakHeapMiB(),
        vmHwm());
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "?";
    }
  }

  static long peakHeapMiB() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
      if (p.getType() == java.lang.management.MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
    return sum >> 20;
  }

  static String vmHwm() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("VmHWM"))
          .map(l -> l.replaceAll("\\s+", " ").substring(7))
          .findFirst()
          .orElse("?");
    } catch (Exception e) {
      return "?";
    }
  }
}
