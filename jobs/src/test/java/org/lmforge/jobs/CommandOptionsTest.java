package org.lmforge.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.jobs.BadInputTest.Outcome;

/**
 * A command honours --conf/--config or does not offer them. train-quality binds the quality
 * classifier's settings (clean.filters.qualityClassifier) from them; show-docs and fit-scaling have
 * no settings in conf/ and refuse both options instead of ignoring them.
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
        o.out().contains("clean.filters.qualityClassifier") && o.out().contains("hashBits=10"),
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
  void showDocsAndFitScalingRefuseSettingsTheyWouldIgnore() throws IOException {
    Path conf = Files.writeString(tmp.resolve("any.conf"), "clean.output = elsewhere\n");
    List<String> showDocs = List.of("show-docs", "--input", tmp.toString());
    List<String> fit =
        List.of(
            "fit-scaling",
            "--input",
            tmp.resolve("runs.csv").toString(),
            "--output",
            tmp.resolve("fit.json").toString());
    for (List<String> command : List.of(showDocs, fit)) {
      for (List<String> option :
          List.of(List.of("--config", conf.toString()), List.of("--conf", "clean.output=x"))) {
        List<String> args = new ArrayList<>(command);
        args.addAll(option);
        Outcome o = BadInputTest.run(args.toArray(String[]::new));
        assertEquals(2, o.code(), args + ": " + o.err());
        assertTrue(
            o.err().startsWith("Unknown options: '" + option.get(0) + "'"), args + ": " + o.err());
      }
    }
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
}
