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
   * A job that records what the chain does with it; runs on a null session (no Spark in this test).
   */
  final class Recorded implements Job<String> {
    final String name;
    final boolean complete;
    final boolean spark;
    final boolean wrong;

    Recorded(String name, boolean complete, boolean spark, boolean wrong) {
      this.name = name;
      this.complete = complete;
      this.spark = spark;
      this.wrong = wrong;
    }

    @Override
    public String name() {
      return name;
    }

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
    public String run(SparkSession s, Progress p) {
      events.add("run " + name);
      return name;
    }
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
                new Recorded("clean", true, true, false),
                new Recorded("fit", false, false, false),
                new Recorded("sweep", false, true, false),
                new Recorded("report", false, false, false)),
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

  @Test
  void withoutKeepingEveryJobRuns() throws Exception {
    new Chain(List.of(new Recorded("clean", true, false, false)), false)
        .run(hadoop, this::session, line -> {});
    assertEquals(List.of("check clean", "run clean"), events);
  }

  @Test
  void oneJobIsCheckedThenRunAndItsResultReturnedWithASessionOnlyWhenItNeedsOne() throws Exception {
    assertEquals(
        "generate",
        Chain.runOne(
            new Recorded("generate", false, false, false), hadoop, this::session, line -> {}));
    assertEquals(
        "doctor",
        Chain.runOne(
            new Recorded("doctor", false, true, false), hadoop, this::session, line -> {}));
    assertEquals(
        List.of("check generate", "run generate", "check doctor", "session", "run doctor"), events);
  }

  @Test
  void aWrongFirstInputStopsTheChainBeforeSparkStarts() {
    Chain chain =
        new Chain(
            List.of(
                new Recorded("clean", false, true, true),
                new Recorded("tokenize", false, true, false)),
            true);
    assertThrows(UserError.class, () -> chain.run(hadoop, this::session, line -> {}));
    assertEquals(List.of("check clean"), events);
  }
}
