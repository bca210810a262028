package org.lmforge.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.jobs.BadInputTest.Outcome;

/**
 * A command honours --conf/--config or does not offer them. train-quality binds the quality
 * classifier's settings (clean.filters.qualityClassifier) from them and fit-scaling the fits'
 * (conf/fit.conf); show-docs has no settings in conf/ and refuses both options instead of ignoring
 * them.
 */
class CommandOptionsTest {
  @TempDir static Path tmp;

  @Test
  void trainQualityTrainsWithTheSettingsOfItsConfigFileAndOverrides() throws IOException {
    Path positives =
        lines(
            "reference.txt",
            BadInputFiles.realText().lines().filter(l -> l.length() > 40).toList());
    List<String> crawl = new ArrayList<>();
    for (int i = 0; i < 40; i++)
      crawl.add("buy now cheap deals click here " + i + " free shipping login cart");
    Path negatives = lines("crawl.txt", crawl);

    Path byDefault = tmp.resolve("default.bin");
    assertEquals(0, train(byDefault).code());
    assertEquals(18, hashBits(byDefault), "conf/filters.conf's hashBits");

    Path conf =
        Files.writeString(
            tmp.resolve("small.conf"), "clean.filters.qualityClassifier.hashBits = 10\n");
    Path fromFile = tmp.resolve("small.bin");
    Outcome o = train(fromFile, "--config", conf.toString());
    assertEquals(0, o.code(), o.err());
    assertEquals(10, hashBits(fromFile), "--config's hashBits");
    assertTrue(
        o.out().contains("clean.filters.qualityClassifier {")
            && o.out().contains("\"hashBits\":10"),
        o.out());
    // 40 documents a side, every tenth held out
    assertTrue(
        o.out().contains("trained on 36 + 36 documents; held out 4 + 4: accuracy "), o.out());
    assertTrue(
        o.out()
            .contains(
                "use it with --conf clean.filters.qualityClassifier.modelPath="
                    + fromFile.toAbsolutePath()),
        o.out());

    Path overridden = tmp.resolve("tiny.bin");
    assertEquals(
        0,
        train(
                overridden,
                "--config",
                conf.toString(),
                "--conf",
                "clean.filters.qualityClassifier.hashBits=8")
            .code());
    assertEquals(8, hashBits(overridden), "--conf wins over --config");

    Path never = tmp.resolve("never.bin");
    BadInputTest.assertUserError(
        train(never, "--conf", "clean.filters.qualityClassifier.maxNgram=0"),
        "filters.qualityClassifier.maxNgram = 0: must be >= 1");
    BadInputTest.assertUserError(
        train(never, "--conf", "clean.filters.qualityClassifier.hashBit=8"),
        "unknown configuration key 'clean.filters.qualityClassifier.hashBit'",
        "did you mean 'hashBits'");
  }

  @Test
  void showDocsRefusesSettingsItWouldIgnore() throws IOException {
    Path conf = Files.writeString(tmp.resolve("any.conf"), "clean.output = elsewhere\n");
    for (List<String> option :
        List.of(List.of("--config", conf.toString()), List.of("--conf", "clean.output=x"))) {
      List<String> args = new ArrayList<>(List.of("show-docs", "--input", tmp.toString()));
      args.addAll(option);
      Outcome o = BadInputTest.run(args.toArray(String[]::new));
      assertEquals(2, o.code(), args + ": " + o.err());
      assertTrue(
          o.err().startsWith("Unknown options: '" + option.get(0) + "'"), args + ": " + o.err());
    }
  }

  /**
   * fit-scaling's settings are conf/fit.conf's: the seed and the number of resamples it runs with
   * are written into fit.json, so the file shows which settings won.
   */
  @Test
  void fitScalingFitsWithTheSettingsOfItsConfigFileAndOverrides() throws IOException {
    // a planted Chinchilla law (Hoffmann et al.'s published fit) on a 4 x 4 grid
    StringBuilder csv = new StringBuilder("params,tokens,loss\n");
    for (double n : new double[] {1e6, 3e6, 1e7, 3e7}) {
      for (double d : new double[] {2e7, 6e7, 2e8, 6e8}) {
        double loss = 1.69 + 406.4 / Math.pow(n, 0.34) + 410.7 / Math.pow(d, 0.28);
        csv.append(n).append(',').append(d).append(',').append(loss).append('\n');
      }
    }
    Path points = Files.writeString(tmp.resolve("points.csv"), csv);
    Path conf = Files.writeString(tmp.resolve("fit.conf"), "fit.seed = 11\nfit.bootstrap = 8\n");

    JsonNode byDefault = fit(points, "default.json");
    assertEquals(20220329L, byDefault.at("/method/seed").asLong(), "conf/fit.conf's seed");
    assertTrue(byDefault.at("/law/identified").asBoolean(), "a planted law is identified");
    JsonNode fromFile = fit(points, "file.json", "--config", conf.toString());
    assertEquals(11, fromFile.at("/method/seed").asLong(), "--config's seed");
    assertTrue(fromFile.at("/chinchilla/ci/resamples").asInt() <= 8, fromFile.toString());
    JsonNode overridden =
        fit(points, "over.json", "--config", conf.toString(), "--conf", "fit.seed=5");
    assertEquals(5, overridden.at("/method/seed").asLong(), "--conf wins over --config");

    // --law replaces fit.law, and the settings line shows the law the fit used (it showed
    // conf/'s "auto" when the option was applied after the settings were bound and printed)
    Outcome byOption =
        BadInputTest.run(
            "fit-scaling",
            "--input",
            points.toString(),
            "--output",
            tmp.resolve("law.json").toString(),
            "--conf",
            "fit.law=chinchilla",
            "--law",
            "kaplan");
    assertEquals(0, byOption.code(), byOption.err());
    assertTrue(byOption.out().contains("\"law\":\"kaplan\""), byOption.out());
    JsonNode kaplan = new ObjectMapper().readTree(tmp.resolve("law.json").toFile());
    assertEquals("kaplan", kaplan.at("/law/form").asText(), "--law wins over --conf");

    BadInputTest.assertUserError(
        BadInputTest.run(
            "fit-scaling",
            "--input",
            points.toString(),
            "--output",
            tmp.resolve("never.json").toString(),
            "--conf",
            "fit.bootstrp=3"),
        "unknown configuration key 'fit.bootstrp'",
        "did you mean 'bootstrap'");
  }

  /**
   * The demo sweep's runs of 2026-11-30 (every run data-starved, the smallest model best at both
   * budgets): the fitted law's exponents are not pinned down, and fit-scaling says so on the
   * console and in fit.json rather than printing a law as if it meant something.
   */
  @Test
  void fitScalingWarnsWhenTheRunsDoNotIdentifyTheLaw() throws IOException {
    Path points =
        Files.writeString(
            tmp.resolve("demo-points.csv"),
            """
            params,tokens,loss
            12768,391168,6.24217
            56640,88064,6.88366
            100096,50176,6.95391
            56640,293888,6.40781
            100096,166912,6.59129
            335712,49152,6.94298
            793344,21504,7.07480
            """);
    Outcome o =
        BadInputTest.run(
            "fit-scaling",
            "--input",
            points.toString(),
            "--output",
            tmp.resolve("demo.json").toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(
        o.out().contains("WARNING: Not identified by these runs: alpha"),
        "the console names the loose exponent: " + o.out());
    JsonNode fit = new ObjectMapper().readTree(tmp.resolve("demo.json").toFile());
    assertFalse(fit.at("/law/identified").asBoolean(true), fit.at("/law").toString());
    assertTrue(fit.at("/law/unidentified_exponents").size() > 0, fit.at("/law").toString());
  }

  static JsonNode fit(Path points, String out, String... options) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "fit-scaling",
                "--input",
                points.toString(),
                "--output",
                tmp.resolve(out).toString()));
    args.addAll(List.of(options));
    Outcome o = BadInputTest.run(args.toArray(String[]::new));
    assertEquals(0, o.code(), args + ": " + o.err());
    return new ObjectMapper().readTree(tmp.resolve(out).toFile());
  }

  static Outcome train(Path model, String... options) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "train-quality",
                "--positives",
                tmp.resolve("reference.txt").toString(),
                "--negatives",
                tmp.resolve("crawl.txt").toString(),
                "--output",
                model.toString(),
                "--max-docs",
                "40"));
    args.addAll(List.of(options));
    return BadInputTest.run(args.toArray(String[]::new));
  }

  static Path lines(String name, List<String> docs) throws IOException {
    return Files.write(tmp.resolve(name), docs.subList(0, Math.min(40, docs.size())));
  }

  /** The model file's hashBits: after the magic and the version (QualityClassifier.save). */
  static int hashBits(Path model) throws IOException {
    try (DataInputStream in = new DataInputStream(Files.newInputStream(model))) {
      in.readInt();
      in.readInt();
      return in.readInt();
    }
  }

  /**
   * The help of an option that replaces a setting names that setting's whole key (fit-scaling's
   * section is fit, not its command name), for every such option, the shared ones in each command;
   * sweep's --overwrite is its own (it deletes the sweep directory) and replaces no setting.
   */
  @Test
  void theHelpOfAnOptionNamesTheSettingItReplaces() {
    picocli.CommandLine cli = Main.commandLine(new java.io.PrintWriter(new java.io.StringWriter()));
    Map<String, List<String>> replaced =
        Map.of(
            "clean",
                List.of("clean.inputs", "clean.output", "clean.overwrite", "clean.keepDropped"),
            "tokenize", List.of("tokenize.input", "tokenize.output", "tokenize.overwrite"),
            "pretrain",
                List.of(
                    "pretrain.tokens", "pretrain.output", "pretrain.overwrite", "pretrain.resume"),
            "sweep", List.of("sweep.tokens", "sweep.output", "sweep.cleanStats"),
            "fit-scaling", List.of("fit.law"));
    replaced.forEach(
        (command, keys) -> {
          // picocli wraps lines anywhere, after a dot too: compare without white space
          String help = cli.getSubcommands().get(command).getUsageMessage().replaceAll("\\s", "");
          for (String key : keys) {
            assertTrue(help.contains("Replaces" + key + "."), command + " --help: " + key);
          }
          assertEquals(keys.size(), help.split("Replaces", -1).length - 1, command + " --help");
        });
  }

  /** Each option of each command says in --help what it does (the usage line alone does not). */
  @Test
  void everyOptionOfEveryCommandIsDescribed() {
    picocli.CommandLine cli = Main.commandLine(new java.io.PrintWriter(new java.io.StringWriter()));
    List<String> bare = new ArrayList<>();
    for (picocli.CommandLine sub : cli.getSubcommands().values()) {
      for (picocli.CommandLine.Model.OptionSpec o : sub.getCommandSpec().options()) {
        if (o.usageHelp() || o.versionHelp()) continue;
        if (String.join("", o.description()).isBlank()) {
          bare.add(sub.getCommandName() + " " + o.longestName());
        }
      }
    }
    assertEquals(List.of(), bare, "options without a description");
  }
}
