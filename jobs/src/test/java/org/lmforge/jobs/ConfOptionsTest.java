package org.lmforge.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmforge.pipeline.clean.CleanJob;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.tokenize.TokenizeConfig;
import org.lmforge.pipeline.tokenize.TokenizeJob;
import org.lmforge.pipeline.train.PretrainConfig;
import org.lmforge.pipeline.train.PretrainJob;
import picocli.CommandLine;

/**
 * The settings options handed on as a command line (CleanBench gives them to the clean command).
 */
class ConfOptionsTest {
  @Test
  void argsAreTheSettingsAsGivenWithTheConfigFileFirst() {
    ConfOptions given = new ConfOptions();
    new CommandLine(given)
        .parseArgs("--conf", "clean.output=/tmp/a", "--config", "my.conf", "--conf", "a.b=1");
    assertEquals(
        List.of("--config", "my.conf", "--conf", "clean.output=/tmp/a", "--conf", "a.b=1"),
        given.args());
  }

  @Test
  void argsOfNoSettingsAreEmpty() {
    ConfOptions none = new ConfOptions();
    new CommandLine(none).parseArgs();
    assertEquals(List.of(), none.args());
  }

  @Test
  void anotherCommandGivenTheArgsBindsTheSameSettings() {
    ConfOptions given = new ConfOptions();
    new CommandLine(given).parseArgs("--conf", "clean.output=/tmp/elsewhere");
    CleanCommand clean = new CleanCommand();
    new CommandLine(clean).parseArgs(given.args().toArray(String[]::new));
    assertEquals("/tmp/elsewhere", clean.cleanJob().config().output());
  }

  /** The benchmark hands the clean command its input options as it was given them. */
  @Test
  void cleanInputsGivenAsArgsBindTheSameInputs() throws Exception {
    CleanInputs given = new CleanInputs();
    new CommandLine(given).parseArgs("--input", "/crawl/a.warc.gz", "--input", "/crawl/b/*.wet.gz");
    CleanCommand clean = new CleanCommand();
    new CommandLine(clean).parseArgs(given.args().toArray(String[]::new));
    List<String> expected = List.of("/crawl/a.warc.gz", "/crawl/b/*.wet.gz");
    assertEquals(expected, clean.cleanJob().config().inputs());
    assertEquals(expected, clean.cleanJob().inputs(Progress.quiet()));

    CleanInputs sample = new CleanInputs();
    new CommandLine(sample).parseArgs("--sample-pages", "all");
    assertEquals(List.of("--sample-pages", "all"), sample.args());
  }

  /**
   * An option replaces its setting over --conf; a flag not given leaves a setting true in the
   * settings true, and a repeatable option not given leaves its list as set.
   */
  @Test
  void optionsReplaceTheirSettingsOverConf() throws Exception {
    TokenizeCommand tokenize = new TokenizeCommand();
    new CommandLine(tokenize)
        .parseArgs(
            "--conf",
            "tokenize.output=/tmp/by-conf",
            "--conf",
            "tokenize.overwrite=true",
            "--output",
            "/tmp/by-option",
            "--input",
            "/clean/a",
            "/clean/b",
            "--input",
            "/clean/c");
    TokenizeConfig t = tokenize.tokenizeJob().config();
    assertEquals("/tmp/by-option", t.output());
    // several paths after one --input, as the shell expands a glob
    assertEquals(List.of("/clean/a", "/clean/b", "/clean/c"), t.input());
    assertTrue(t.overwrite(), "no --overwrite: tokenize.overwrite = true stands");

    PretrainCommand pretrain = new PretrainCommand();
    new CommandLine(pretrain)
        .parseArgs("--conf", "pretrain.tokens=/tmp/by-conf", "--tokens", "/t", "--resume");
    PretrainConfig p = ((PretrainJob) pretrain.jobs().get(0)).config();
    assertEquals("/t", p.tokens());
    assertTrue(p.resume());
    assertFalse(p.overwrite());

    CleanCommand clean = new CleanCommand();
    new CommandLine(clean).parseArgs("--conf", "clean.inputs=[/crawl/x]", "--keep-dropped");
    assertEquals(List.of("/crawl/x"), clean.cleanJob().config().inputs());
    assertTrue(clean.cleanJob().config().keepDropped());
  }

  /** all takes clean's input options and hands each stage's output to the next. */
  @Test
  void allReadsTheInputItIsGivenThroughEveryStage() throws Exception {
    AllCommand all = new AllCommand();
    new CommandLine(all)
        .parseArgs(
            "--input", "/crawl/a.warc.gz", "/crawl/b.warc.gz", "--conf", "clean.output=/w/c");
    List<org.lmforge.pipeline.job.Job<?>> jobs = all.jobs();
    CleanJob clean = (CleanJob) jobs.get(0);
    assertEquals(List.of("/crawl/a.warc.gz", "/crawl/b.warc.gz"), clean.config().inputs());
    TokenizeConfig tokenize = ((TokenizeJob) jobs.get(1)).config();
    assertEquals(List.of("/w/c/docs"), tokenize.input());
  }

  /** Every job command takes --master beside its settings options. */
  @Test
  void jobCommandsTakeTheMasterWithTheirSettings() {
    CleanCommand clean = new CleanCommand();
    new CommandLine(clean).parseArgs("--master", "spark://10.0.0.5:7077", "--conf", "a=1");
    assertEquals("spark://10.0.0.5:7077", clean.job.master());
  }
}
