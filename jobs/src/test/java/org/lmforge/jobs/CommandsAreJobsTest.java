package org.lmforge.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lmforge.dataprep.SharedData;
import picocli.CommandLine;

/**
 * jobs/ is the command line only: every command's work is a job ({@code pipeline/…/job/Job}) run
 * through {@link Launch}, the one place a Spark session is started and progress reaches the
 * console. A command that starts Spark or does its work itself fails here.
 */
class CommandsAreJobsTest {
  private static final Path SOURCES =
      SharedData.checkout().resolve("jobs/src/main/java/org/lmforge/jobs");

  @Test
  void onlyLaunchStartsASparkSession() throws IOException {
    List<String> starting = new ArrayList<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String src = Files.readString(f);
        if (src.contains("Sessions.create(") || src.contains("SparkSession.builder(")) {
          starting.add(f.getFileName().toString());
        }
      }
    }
    assertEquals(List.of("Launch.java"), starting);
  }

  /**
   * {@code bin/pipeline} is the one command line: a {@code main} elsewhere in the product (a
   * dataprep class had two, training the quality model and printing tokenizer statistics without
   * the commands' input checks or atomic output) is a second way in. Benchmarks have their own
   * module and their own {@code main}s.
   */
  @Test
  void mainIsTheOnlyEntryPointOfTheProduct() throws IOException {
    List<String> entries = new ArrayList<>();
    for (String module : List.of("config", "dataprep", "model", "analysis", "pipeline", "jobs")) {
      try (Stream<Path> files = Files.walk(SharedData.checkout().resolve(module + "/src/main"))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          if (Files.readString(f).contains("static void main(")) {
            entries.add(module + ":" + f.getFileName());
          }
        }
      }
    }
    assertEquals(List.of("jobs:Main.java"), entries);
  }

  @Test
  void everyCommandRunsItsWorkAsAJob() throws IOException {
    CommandLine cli = Main.commandLine(new PrintWriter(new StringWriter()));
    List<String> outside = new ArrayList<>();
    int commands = 0;
    for (CommandLine sub : cli.getSubcommands().values()) {
      Class<?> type = sub.getCommand().getClass();
      if (type == CommandLine.HelpCommand.class) continue;
      commands++;
      String src = Files.readString(SOURCES.resolve(type.getSimpleName() + ".java"));
      boolean viaLaunch =
          JobCommand.class.isAssignableFrom(type)
              || src.contains("Launch.run(")
              || src.contains("Launch.result(")
              || src.contains("Launch.onDriver(");
      if (!viaLaunch) outside.add(sub.getCommandName());
    }
    assertTrue(commands >= 15, "commands found: " + commands);
    assertTrue(outside.isEmpty(), "commands that do not run a job through Launch: " + outside);
  }
}
