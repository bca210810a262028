package org.lmforge.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pipeline generate} and {@code pipeline eval} from the command line on a tiny run the test
 * trains (150 Europarl debates, tokenize, 30 pretrain steps): output and exit codes, and one clear
 * line with exit 2 for each kind of bad input.
 */
class GenerateEvalCommandTest {
  @TempDir static Path tmp;
  static String tokens;
  static String run;

  /** A command's exit code, stdout and stderr. */
  record Ran(int code, String out, String err) {}

  @BeforeAll
  static void trainATinyRun() {
    tokens =
        CommandTokens.write(
            tmp,
            "generate-eval-command-test",
            150,
            "tokenize.tokenizer.vocabSize=320",
            "tokenize.partitions=2",
            "tokenize.validationFraction=0.2");
    run = tmp.resolve("run").toUri().toString();
    Ran pretrain =
        cli(
            new TinyPretrainCommand(tokens, 16, 30, 3, 1024, 10, 10)
                .args("local[2]", run, "--conf", "pretrain.optim.lr=1e-2"));
    assertEquals(0, pretrain.code(), pretrain.err());
  }

  /** Runs a command as bin/pipeline would, capturing stdout and stderr. */
  static synchronized Ran cli(String... args) {
    StringWriter err = new StringWriter();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.run(new PrintWriter(err, true), args);
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    return new Ran(code, out.toString(StandardCharsets.UTF_8), err.toString());
  }

  static String file(String name, String text) throws IOException {
    return Files.writeString(tmp.resolve(name), text).toString();
  }

  /** Exit 2 and the message on stderr, in one line. */
  static String refused(String... args) {
    Ran r = cli(args);
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().startsWith("error: ") && r.err().strip().lines().count() == 1, r.err());
    return r.err();
  }

  @Test
  void generatePrintsTheSameContinuationForASeedWithAndWithoutTheCache() {
    String[] args = {
      "generate", "--run", run, "--prompt", "The Commission", "--max-tokens", "24", "--seed", "7"
    };
    Ran a = cli(args);
    assertEquals(0, a.code(), a.err());
    assertFalse(a.out().isBlank());
    assertEquals(a.out(), cli(args).out());
    String[] noCache = java.util.Arrays.copyOf(args, args.length + 1);
    noCache[args.length] = "--no-kv-cache";
    assertEquals(a.out(), cli(noCache).out());
    Ran other =
        cli(
            "generate",
            "--run",
            run,
            "--prompt",
            "The Commission",
            "--max-tokens",
            "24",
            "--seed",
            "8");
    assertFalse(a.out().equals(other.out()), "another seed, another text: " + a.out());
  }

  @Test
  void evalOfTheValidationSplitPrintsTheRunsFinalValidationLoss() throws IOException {
    Ran r = cli("eval", "--run", run, "--input", tokens + "/validation");
    assertEquals(0, r.code(), r.err());
    double expected =
        new ObjectMapper()
            .readTree(tmp.resolve("run/summary.json").toFile())
            .get("finalValLoss")
            .asDouble();
    assertTrue(
        r.out().contains(String.format(Locale.ROOT, "loss %.4f nats/token", expected)), r.out());
    assertTrue(r.out().contains("scored 1,024 tokens in 64 windows of 16+1"), r.out());
  }

  @Test
  void aDirectoryThatIsNoRunIsRefused() throws IOException {
    Files.createDirectories(tmp.resolve("not-a-run"));
    String dir = tmp.resolve("not-a-run").toString();
    String msg =
        dir
            + " has no checkpoints/last.ckpt; it is not a finished or started pretrain run: point --run at a "
            + "run directory";
    assertTrue(refused("generate", "--run", dir, "--prompt", "Hello").contains(msg));
    assertTrue(refused("eval", "--run", dir, "--input", tokens).contains(msg));
    // a sweep's directory given as a run: one of its runs is named
    Path sweep = tmp.resolve("a-sweep");
    Files.createDirectories(sweep.resolve("runs/c1e11-L1/checkpoints"));
    Files.createFile(sweep.resolve("runs/c1e11-L1/checkpoints/last.ckpt"));
    String err = refused("generate", "--run", sweep.toString(), "--prompt", "Hello");
    assertTrue(
        err.contains(
            "(this is a sweep: its runs are under " + sweep.resolve("runs") + ", e.g. --run"),
        err);
    assertTrue(err.contains("a-sweep/runs/c1e11-L1)"), err);
    // its runs/ directory (or any parent of runs): one of them is named
    String parent = refused("eval", "--run", sweep.resolve("runs").toString(), "--input", tokens);
    assertTrue(parent.contains("(runs are below it, e.g. --run "), parent);
    assertTrue(parent.contains("a-sweep/runs/c1e11-L1)"), parent);
    assertTrue(
        refused("eval", "--run", tmp.resolve("missing-run").toString(), "--input", tokens)
            .contains("missing-run does not exist; point --run at a run directory"));
    // a --tokens Hadoop cannot parse as a path is named, as every other path option
    assertTrue(
        refused("generate", "--run", run, "--tokens", "notes:today", "--prompt", "Hello")
            .contains("not a path: 'notes:today' (--tokens)"));
  }

  /**
   * Hadoop's local file system writes a checksum (.NAME.crc) beside each file: a run.json edited by
   * hand or a checkpoint damaged on disk fails its check, which is said as such, not as a crash.
   */
  @Test
  void anEditedRunJsonAndADamagedCheckpointAreNamed() throws IOException {
    Path edited = copyOfRun("run-edited");
    Path json = edited.resolve("run.json");
    Files.writeString(json, Files.readString(json).replace("\"config\"", "\"config\" "));
    assertTrue(
        refused("generate", "--run", edited.toString(), "--prompt", "Hello")
            .contains("run.json was changed after the pretrain job wrote it"));
    // kept, with Hadoop's checksum deleted as the message says: then the JSON itself is checked
    Files.writeString(json, "{\"config\": {\"tokens\": ");
    Files.delete(edited.resolve(".run.json.crc"));
    String notJson = refused("generate", "--run", edited.toString(), "--prompt", "Hello");
    assertTrue(notJson.contains("cannot read") && notJson.contains("run.json"), notJson);
    Path damaged = copyOfRun("run-damaged");
    Path ckpt = damaged.resolve("checkpoints/last.ckpt");
    byte[] bytes = Files.readAllBytes(ckpt);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(ckpt, bytes);
    String msg = refused("eval", "--run", damaged.toString(), "--input", tokens + "/validation");
    assertTrue(msg.contains("last.ckpt is damaged"), msg);
    // the same checkpoint, resumed: the run made unfinished (no completion marker, no summary)
    for (String f :
        new String[] {"_COMPLETE", "._COMPLETE.crc", "summary.json", ".summary.json.crc"})
      Files.delete(damaged.resolve(f));
    msg =
        refused(
            new TinyPretrainCommand(tokens, 16, 30, 3, 1024, 10, 10)
                .args("local[2]", damaged.toUri().toString(), "--resume"));
    assertTrue(msg.contains("last.ckpt is damaged") && msg.contains("--overwrite"), msg);
  }

  static Path copyOfRun(String name) throws IOException {
    return BadInputFiles.copyTree(tmp.resolve("run"), tmp.resolve(name));
  }

  @Test
  void emptyMissingAndTooShortInputsAreRefused() throws IOException {
    assertTrue(
        refused("eval", "--run", run, "--input", file("empty.txt", ""))
            .contains("empty.txt is empty"));
    assertTrue(
        refused("eval", "--run", run, "--input", tmp.resolve("nothing.txt").toString())
            .contains("nothing.txt does not exist"));
    String err =
        refused("eval", "--run", run, "--input", file("short.txt", "The sitting is open."));
    assertTrue(err.contains("encodes to") && err.contains("at least contextLength + 1 = 17"), err);
    // a run (or a sweep) given as the text: its JSON files are no corpus
    err = refused("eval", "--run", run, "--input", run);
    assertTrue(err.contains("is a pretrain run, not a text to evaluate"), err);
    // a clean output whose every page was dropped: stats.json and the marker, no docs/
    Path keptNothing = Files.createDirectories(tmp.resolve("clean-kept-nothing"));
    Files.writeString(keptNothing.resolve("stats.json"), "{\"documentsOut\": 0}");
    Files.writeString(keptNothing.resolve("_COMPLETE"), "");
    err = refused("eval", "--run", run, "--input", keptNothing.toString());
    assertTrue(
        err.contains("the clean output kept no documents: " + keptNothing)
            && err.contains("stats.json says why"),
        err);
  }

  /**
   * A compressed text or a crawl file is named for what it is (its bytes were scored as a text in
   * an unknown language).
   */
  @Test
  void aCompressedTextOrACrawlFileIsNamed() throws IOException {
    Path gz = tmp.resolve("debates.txt.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("The sitting is open. ".repeat(200).getBytes(StandardCharsets.UTF_8));
    }
    String err = refused("eval", "--run", run, "--input", gz.toString());
    assertTrue(
        err.contains("debates.txt.gz is gzip-compressed text, not text")
            && err.contains("gunzip -k"),
        err);
    String warc =
        file("crawl.warc", "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n");
    err = refused("eval", "--run", run, "--input", warc);
    assertTrue(err.contains("is a WARC/WET file, not text") && err.contains("clean job"), err);
    // UTF-16, as some editors save (its NUL bytes made it "binary data"), with and without a BOM
    for (var cs : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE)) {
      Path u16 =
          Files.writeString(tmp.resolve("notes-" + cs + ".txt"), "The sitting is open. ", cs);
      err = refused("eval", "--run", run, "--input", u16.toString());
      assertTrue(
          err.contains("is UTF-16 text, not text")
              && err.contains("convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8 "),
          err);
    }
  }

  @Test
  void aTextInAnotherScriptIsRefusedUnlessForced() throws IOException {
    String chinese =
        file(
            "chinese.txt",
            "道可道，非常道。名可名，非常名。無名天地之始；有名萬物之母。故常無欲，以觀其妙；" + "常有欲，以觀其徼。此兩者，同出而異名，同謂之玄。玄之又玄，眾妙之門。");
    String err = refused("eval", "--run", run, "--input", chinese);
    assertTrue(
        err.contains("mostly text the run's tokenizer never learnt")
            && err.contains("pass --force"),
        err);
    Ran forced = cli("eval", "--run", run, "--input", chinese, "--force");
    assertEquals(0, forced.code(), forced.err());
    assertTrue(
        forced.out().contains("warning (--force)") && forced.out().contains("bits/byte"),
        forced.out());
  }

  @Test
  void badSamplingOptionsAreRefused() {
    String err =
        refused(
            "generate", "--run", run, "--prompt", "Hello", "--top-p", "1.5", "--temperature", "-1");
    assertTrue(
        err.contains("--top-p=1.5 must be in (0, 1]")
            && err.contains("--temperature=-1.0 must be >= 0"),
        err);
    // -1 once stood for "the run's evalTokens" inside, so --max-tokens -1 scored that many
    String eval = refused("eval", "--run", run, "--input", tokens, "--max-tokens", "-1");
    assertTrue(eval.contains("--max-tokens=-1 must be >= 0"), eval);
  }
}
