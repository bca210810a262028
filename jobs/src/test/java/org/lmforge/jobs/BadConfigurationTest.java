package org.lmforge.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad configuration exits with code 2 and a message that names the key and the fix. */
class BadConfigurationTest {
  @TempDir Path tmp;

  private String run(int expectedCode, String... args) {
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(err, true), args);
    assertEquals(expectedCode, code, err.toString());
    return err.toString();
  }

  /** {@code command --conf setting} stops with exit 2, saying each of {@code said}. */
  private void assertRefused(String command, String setting, String... said) {
    String err = run(2, command, "--conf", setting);
    for (String s : said) assertTrue(err.contains(s), err);
  }

  @Test
  void unknownKeyIsNamedWithASuggestion() {
    assertRefused(
        "clean",
        "clean.ingest.maxPageByte=10",
        "unknown configuration key 'clean.ingest.maxPageByte'",
        "did you mean 'maxPageBytes'");
  }

  @Test
  void wrongTypeIsNamed() {
    String err = run(2, "clean", "--conf", "clean.ingest.maxPageBytes=lots");
    assertTrue(
        err.contains("'clean.ingest.maxPageBytes' has the wrong type: expected a whole number"),
        err);
  }

  /**
   * A fraction where a count is asked for (Typesafe Config read batchSize = 16.7 as 16); 16.0 is a
   * whole number (that run then stops at its missing tokens, not at the batch size).
   */
  @Test
  void aFractionWhereACountIsAskedForIsNamed() {
    String err = run(2, "pretrain", "--conf", "pretrain.optim.batchSize=16.7");
    assertTrue(
        err.contains(
            "'pretrain.optim.batchSize' has the wrong type: expected a whole number, got number"
                + " 16.7"),
        err);
    String whole =
        run(
            2,
            "pretrain",
            "--conf",
            "pretrain.optim.batchSize=16.0",
            "--tokens",
            tmp.resolve("no-tokens").toString());
    assertTrue(whole.contains("the token shards do not exist"), whole);
  }

  /**
   * The optimiser's rates and betas are named by their keys (a negative lr was reported as "maxLr",
   * no key of conf/; beta1 = 1.5 trained into NaN).
   */
  @Test
  void optimiserRatesAndBetasOutOfRangeAreNamedByTheirKeys() {
    assertRefused(
        "pretrain",
        "pretrain.optim.lr=-1",
        "invalid configuration 'pretrain.optim': lr=-1.0 must be > 0",
        "minLr=3.0E-4 must be between 0 and lr (-1.0)");
    assertRefused("pretrain", "pretrain.optim.beta1=1.5", "beta1=1.5 must be in [0, 1)");
    assertRefused("pretrain", "pretrain.optim.beta2=1", "beta2=1.0 must be in [0, 1)");
  }

  /**
   * A misspelt section in --config or --conf: named with the near miss (it was ignored and the job
   * ran on its defaults: 200 steps where the file asked for 3).
   */
  @Test
  void aMisspeltSectionIsNamed() throws IOException {
    assertRefused(
        "tokenize",
        "tokenise.partitions=4",
        "--conf 'tokenise.partitions=4': unknown settings section 'tokenise'; did you mean"
            + " 'tokenize'?");
    Path file =
        Files.writeString(tmp.resolve("typo.conf"), "pretrian {\n  optim.maxSteps = 3\n}\n");
    String err = run(2, "pretrain", "--config", file.toString());
    assertTrue(
        err.contains("typo.conf: unknown settings section 'pretrian'; did you mean 'pretrain'?"),
        err);
  }

  /** A sweep shape that makes no model: named at binding (was a stack trace once planned). */
  @Test
  void aSweepShapeThatMakesNoModelIsNamed() {
    assertRefused(
        "sweep",
        "sweep.shapes=[{nLayer=2, nHead=2, dModel=32}, {nLayer=1, nHead=3, dModel=32}]",
        "invalid configuration 'sweep': sweep.shapes[1] Shape[nLayer=1, nHead=3, dModel=32]:"
            + " dModel is not divisible by nHead");
    assertRefused(
        "sweep",
        "sweep.shapes=[{nLayer=0, nHead=2, dModel=32}]",
        "sweep.shapes[0] Shape[nLayer=0, nHead=2, dModel=32]: nLayer, nHead");
  }

  /** A substitution nothing defines, in a settings file or a --conf: named, exit 2 (was 1). */
  @Test
  void anUnresolvedSubstitutionIsNamed() throws Exception {
    Path file = Files.writeString(tmp.resolve("mine.conf"), "tokenize.partitions = ${nope}\n");
    String err = run(2, "tokenize", "--config", file.toString());
    assertTrue(
        err.contains("mine.conf: 1: Could not resolve substitution to a value: ${nope}")
            && err.contains("define the substitution"),
        err);
    err = run(2, "tokenize", "--conf", "tokenize.partitions=${x}");
    assertTrue(err.contains("Could not resolve substitution to a value: ${x}"), err);
  }

  /** A list with an element of the wrong type: named on one line with the list as written. */
  @Test
  void wrongElementTypeIsNamedOnOneLine() {
    String err = run(2, "sweep", "--conf", "sweep.budgets=[5, abc]");
    assertTrue(
        err.contains(
            "'sweep.budgets' has the wrong type: expected a list of numbers [ ... ], got list"
                + " [5,\"abc\"]"),
        err);
    assertEquals(1, err.strip().lines().count(), err);
  }

  @Test
  void invalidValueIsNamed() {
    assertRefused("clean", "clean.dedup.keep=oldest", "dedup.keep", "newest");
  }

  @Test
  void unknownFilterNameIsNamed() {
    assertRefused(
        "clean", "clean.filters.enabled=[gopher_quality, gopher_qualty]", "gopher_qualty");
  }

  @Test
  void missingInputIsNamed() {
    String err =
        run(
            2,
            "clean",
            "--input",
            tmp.resolve("nothing-here/*.warc.gz").toString(),
            "--output",
            tmp.resolve("out").toString());
    assertTrue(err.contains("nothing matches") && err.contains("nothing-here"), err);
  }

  @Test
  void unsupportedPrecisionIsRefusedWithTheReason() {
    assertRefused(
        "pretrain",
        "pretrain.dtype=bfloat16",
        "pretrain.dtype=bfloat16 is not offered: DL4J 1.0.0-M2.1 builds networks only in "
            + "double, float or half");
    assertRefused(
        "pretrain",
        "pretrain.dtype=fp8",
        "'pretrain.dtype' is 'fp8'; valid values: [float, half, bfloat16]");
  }

  @Test
  void missingConfigFileIsNamed() throws IOException {
    String err = run(2, "clean", "--config", tmp.resolve("nope.conf").toString());
    assertTrue(err.contains("nope.conf: no such file"), err);
    // the README's relative path typed in another directory: the project's copy is named
    Path home = Files.createDirectories(tmp.resolve("home/conf")).getParent();
    Files.writeString(home.resolve("conf/mine.conf"), "clean.sample.pages = 3\n");
    System.setProperty("lmforge.home", home.toString());
    try {
      err = run(2, "clean", "--config", "conf/mine.conf");
      assertTrue(
          err.contains(
              "--config conf/mine.conf: no such file in "
                  + Path.of("").toAbsolutePath()
                  + "; did you mean "
                  + home.resolve("conf/mine.conf")
                  + "?"),
          err);
    } finally {
      System.clearProperty("lmforge.home");
    }
    err = run(2, "clean", "--config", "conf/mine.conf");
    assertTrue(err.contains("no such file in ") && err.contains("give the file's full path"), err);
  }

  @Test
  void extractHtmlWritesJsonLines() throws Exception {
    Files.writeString(
        tmp.resolve("a.html"),
        "<html><head><title>T</title></head><body><nav>Menu</nav>"
            + "<article><p>The first paragraph of the article is long enough to be the main text of this page, "
            + "and it says something about the weather in the mountains.</p></article></body></html>");
    Path out = tmp.resolve("out.jsonl");
    run(0, "extract-html", "--input", tmp.toString(), "--output", out.toString());
    String line = Files.readAllLines(out).get(0);
    assertTrue(line.startsWith("{\"file\":\"a.html\""), line);
    assertTrue(line.contains("weather in the mountains"), line);
  }
}
