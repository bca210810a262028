package org.lmforge.pipeline.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

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
  private List<String> runKeepingComplete(Recorded... jobs) throws Exception {
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
