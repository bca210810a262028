package org.lmforge.pipeline.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order a chain checks, keeps and runs jobs in, and when it asks for a Spark session. */
class ChainTest {
  final List<String> events = new ArrayList<>();
  final Configuration hadoop = new Configuration();

  /**
   * A job that records what the chain does with it in {@code events}; runs on a null session (no
   * Spark in this test).
   */
  record Recorded(String name, boolean complete, boolean spark, boolean wrong, List<String> events)
      implements Job<String> {
    @Override
    public String output() {
      return "out/" + name;
    }

    @Override
    public boolean needsSpark() {
      return spark;
    }

    @Override
    public boolean complete(Configuration h) {
      return complete;
    }

    @Override
    public void check(Configuration h) {
      events.add("check " + name);
      if (wrong) throw new UserError("wrong input for " + name);
    }

    /** The same job with its output already complete. */
    Recorded alreadyComplete() {
      return new Recorded(name, true, spark, wrong, events);
    }

    /** The same job with an input its check refuses. */
    Recorded wrongInput() {
      return new Recorded(name, complete, spark, true, events);
    }

    @Override
    public Recorded replacingOutput() {
      return new Recorded(name + " (replacing)", false, spark, wrong, events);
    }

    @Override
    public String run(SparkSession s, Progress p) {
      events.add("run " + name);
      return name;
    }
  }

  /** A job that runs on a Spark session. */
  private Recorded sparkJob(String name) {
    return new Recorded(name, false, true, false, events);
  }

  /** A job that runs on the driver alone (fit, report, generate). */
  private Recorded driverJob(String name) {
    return new Recorded(name, false, false, false, events);
  }

  /** Runs {@code jobs} as {@code all} does (complete outputs kept); returns the progress lines. */
  private List<String> runKeepingComplete(Job<?>... jobs) throws Exception {
    List<String> lines = new ArrayList<>();
    new Chain(List.of(jobs), true).run(hadoop, this::session, lines::add);
    return lines;
  }

  /** What the chain did, in order: "check clean, session, run clean". */
  private String happened() {
    return String.join(", ", events);
  }

  private SparkSession session() {
    events.add("session");
    return null;
  }

  @Test
  void completeJobsAreKeptTheOthersCheckedThenRunAndSparkStartsForTheFirstThatNeedsIt()
      throws Exception {
    List<String> lines =
        runKeepingComplete(
            sparkJob("clean").alreadyComplete(),
            driverJob("fit"),
            sparkJob("sweep"),
            driverJob("report"));
    assertEquals(
        "check fit, run fit, check sweep, session, run sweep, check report, run report",
        happened());
    assertEquals(List.of("clean: out/clean is complete, kept (--overwrite redoes it)"), lines);
  }

  /**
   * Once a job ran, a later complete output was made from the old input (clean redone after a kill
   * or a change, then tokenize and the sweep): it is redone, replacing it, not kept.
   */
  @Test
  void aCompleteOutputAfterAJobThatRanIsRedoneNotKept() throws Exception {
    List<String> lines =
        runKeepingComplete(
            sparkJob("clean").alreadyComplete(),
            sparkJob("tokenize"),
            sparkJob("sweep").alreadyComplete());
    assertEquals(
        "check tokenize, session, run tokenize, check sweep (replacing), session, run sweep (replacing)",
        happened());
    assertEquals(
        List.of(
            "clean: out/clean is complete, kept (--overwrite redoes it)",
            "sweep: out/sweep is complete but older than the output of tokenize, which ran now:"
                + " redone"),
        lines);
  }

  /**
   * A job that writes a complete output (its marker) in a real directory, made with {@code
   * settings}; the chain records them beside it.
   */
  record Writes(String name, Path out, Map<String, Object> madeWith, List<String> events)
      implements Job<String> {
    @Override
    public String output() {
      return out.toString();
    }

    @Override
    public boolean complete(Configuration h) {
      return Files.exists(out.resolve("_COMPLETE"));
    }

    @Override
    public Object settings() {
      return madeWith;
    }

    @Override
    public Writes replacingOutput() {
      return new Writes(name + " (replacing)", out, madeWith, events);
    }

    @Override
    public String run(SparkSession s, Progress p) {
      events.add("run " + name);
      try {
        Files.createDirectories(out);
        Files.writeString(out.resolve("_COMPLETE"), "");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return name;
    }
  }

  @TempDir Path tmp;

  /**
   * A complete output made with other settings is redone, and so is every complete output after it;
   * the same settings, or only another overwrite flag, keep it; an output that records no settings
   * (made before they were recorded) is kept, as before.
   */
  @Test
  void aCompleteOutputMadeWithOtherSettingsIsRedone() throws Exception {
    Path out = tmp.resolve("clean");
    Map<String, Object> a = Map.of("inputs", List.of("a.warc.gz"), "overwrite", false);
    new Chain(List.of(new Writes("clean", out, a, events)), true)
        .run(hadoop, this::session, line -> {});
    assertTrue(Files.exists(out.resolve(RecordedSettings.FILE)));
    events.clear();

    Map<String, Object> sameButOverwrite =
        Map.of("inputs", List.of("a.warc.gz"), "overwrite", true);
    List<String> kept = runKeepingComplete(new Writes("clean", out, sameButOverwrite, events));
    assertEquals(List.of("clean: " + out + " is complete, kept (--overwrite redoes it)"), kept);
    assertEquals("", happened());

    Map<String, Object> b = Map.of("inputs", List.of("b.warc.gz"), "overwrite", false);
    List<String> lines = new ArrayList<>();
    new Chain(
            List.of(new Writes("clean", out, b, events), sparkJob("tokenize").alreadyComplete()),
            true)
        .run(hadoop, this::session, lines::add);
    assertEquals(
        List.of(
            "clean: "
                + out
                + " is complete but was made with other settings (clean.inputs): redone",
            "tokenize: out/tokenize is complete but older than the output of clean, which ran now:"
                + " redone"),
        lines);
    assertEquals(
        "session, run clean (replacing), check tokenize (replacing), session, run tokenize (replacing)",
        happened());
    // the new settings are recorded: a re-run with them keeps the output
    events.clear();
    runKeepingComplete(new Writes("clean", out, b, events));
    assertEquals("", happened());

    Files.delete(out.resolve(RecordedSettings.FILE));
    runKeepingComplete(new Writes("clean", out, a, events));
    assertEquals("", happened(), "no recorded settings: kept");
  }

  /**
   * After a job that ran now, an unfinished output (a killed sweep, whose runs would resume on the
   * new tokens) is started over, not resumed; a job that ran first resumes its own as before.
   */
  @Test
  void anUnfinishedOutputAfterAJobThatRanIsStartedOver() throws Exception {
    Path sweep = Files.createDirectories(tmp.resolve("sweep"));
    List<String> lines =
        runKeepingComplete(
            sparkJob("tokenize"), new Writes("sweep", sweep, Map.of("budgets", 2), events));
    assertEquals(
        "check tokenize, session, run tokenize, session, run sweep (replacing)", happened());
    assertEquals(
        List.of(
            "sweep: "
                + sweep
                + " is unfinished and older than the output of tokenize, which ran now: started"
                + " over"),
        lines);
  }

  @Test
  void withoutKeepingEveryJobRuns() throws Exception {
    new Chain(List.of(driverJob("clean").alreadyComplete()), false)
        .run(hadoop, this::session, line -> {});
    assertEquals("check clean, run clean", happened());
  }

  @Test
  void oneJobIsCheckedThenRunAndItsResultReturnedWithASessionOnlyWhenItNeedsOne() throws Exception {
    assertEquals(
        "generate", Chain.runOne(driverJob("generate"), hadoop, this::session, line -> {}));
    assertEquals("doctor", Chain.runOne(sparkJob("doctor"), hadoop, this::session, line -> {}));
    assertEquals("check generate, run generate, check doctor, session, run doctor", happened());
  }

  @Test
  void aWrongFirstInputStopsTheChainBeforeSparkStarts() {
    Chain chain = new Chain(List.of(sparkJob("clean").wrongInput(), sparkJob("tokenize")), true);
    assertThrows(UserError.class, () -> chain.run(hadoop, this::session, line -> {}));
    assertEquals("check clean", happened());
  }
}
