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

  private Recorded job(String name, boolean complete, boolean spark, boolean wrong) {
    return new Recorded(name, complete, spark, wrong, events);
  }

  private SparkSession session() {
    events.add("session");
    return null;
  }

  @Test
  void completeJobsAreKeptTheOthersCheckedThenRunAndSparkStartsForTheFirstThatNeedsIt()
      throws Exception {
    List<String> lines = new ArrayList<>();
    new Chain(
            List.of(
                job("clean", true, true, false),
                job("fit", false, false, false),
                job("sweep", false, true, false),
                job("report", false, false, false)),
            true)
        .run(hadoop, this::session, lines::add);
    assertEquals(
        List.of(
            "check fit",
            "run fit",
            "check sweep",
            "session",
            "run sweep",
            "check report",
            "run report"),
        events);
    assertEquals(List.of("clean: out/clean is complete, kept (--overwrite redoes it)"), lines);
  }

  /**
   * Once a job ran, a later complete output was made from the old input (clean redone after a kill
   * or a change, then tokenize and the sweep): it is redone, replacing it, not kept.
   */
  @Test
  void aCompleteOutputAfterAJobThatRanIsRedoneNotKept() throws Exception {
    List<String> lines = new ArrayList<>();
    new Chain(
            List.of(
                job("clean", true, true, false),
                job("tokenize", false, true, false),
                job("sweep", true, true, false)),
            true)
        .run(hadoop, this::session, lines::add);
    assertEquals(
        List.of(
            "check tokenize",
            "session",
            "run tokenize",
            "check sweep (replacing)",
            "session",
            "run sweep (replacing)"),
        events);
    assertEquals(
        List.of(
            "clean: out/clean is complete, kept (--overwrite redoes it)",
            "sweep: out/sweep is complete but older than the output of tokenize, which ran now:"
                + " redone"),
        lines);
  }

  @Test
  void withoutKeepingEveryJobRuns() throws Exception {
    new Chain(List.of(job("clean", true, false, false)), false)
        .run(hadoop, this::session, line -> {});
    assertEquals(List.of("check clean", "run clean"), events);
  }

  @Test
  void oneJobIsCheckedThenRunAndItsResultReturnedWithASessionOnlyWhenItNeedsOne() throws Exception {
    assertEquals(
        "generate",
        Chain.runOne(job("generate", false, false, false), hadoop, this::session, line -> {}));
    assertEquals(
        "doctor",
        Chain.runOne(job("doctor", false, true, false), hadoop, this::session, line -> {}));
    assertEquals(
        List.of("check generate", "run generate", "check doctor", "session", "run doctor"), events);
  }

  @Test
  void aWrongFirstInputStopsTheChainBeforeSparkStarts() {
    Chain chain =
        new Chain(
            List.of(job("clean", false, true, true), job("tokenize", false, true, false)), true);
    assertThrows(UserError.class, () -> chain.run(hadoop, this::session, line -> {}));
    assertEquals(List.of("check clean"), events);
  }
}
