package org.lmforge.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.lmforge.pipeline.job.Job;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.job.UserError;

/**
 * How a command hands one job to Launch when it shows the job's result: checked, run, no Spark
 * unless needed.
 */
class LaunchTest {
  final List<String> events = new ArrayList<>();

  /**
   * A job that records its check and run and the session it was given in {@code events}, and
   * returns its name; {@code spark}: it needs a session, {@code wrong}: its check fails.
   */
  record Recorded(List<String> events, boolean spark, boolean wrong) implements Job<String> {
    @Override
    public String name() {
      return spark ? "sparky" : "driver-only";
    }

    @Override
    public boolean needsSpark() {
      return spark;
    }

    @Override
    public void check(Configuration hadoop) {
      events.add("check");
      if (wrong) throw new UserError("bad input");
    }

    @Override
    public String run(SparkSession session, Progress progress) {
      events.add("run with " + (session == null ? "no session" : "a session"));
      progress.line("working");
      return name();
    }
  }

  @Test
  void aDriverOnlyJobReturnsItsResultWithProgressWhereTheCommandSaysAndNoSparkSession()
      throws Exception {
    List<String> progress = new ArrayList<>();
    assertEquals("driver-only", Launch.onDriver(new Recorded(events, false, false), progress::add));
    assertEquals(
        "driver-only",
        Launch.result("generate", null, new Recorded(events, false, false), progress::add));
    assertEquals(List.of("check", "run with no session", "check", "run with no session"), events);
    assertEquals(List.of("working", "working"), progress);
  }

  @Test
  void onTheDriverAJobThatAsksForSparkFailsAfterItsCheckInsteadOfStartingOne() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> Launch.onDriver(new Recorded(events, true, false), line -> {}));
    assertEquals("sparky runs on the driver alone, without a Spark session", e.getMessage());
    assertEquals(List.of("check"), events);
  }

  @Test
  void aBadInputStopsBeforeTheRun() {
    assertThrows(
        UserError.class,
        () -> Launch.result("doctor", "local[1]", new Recorded(events, true, true), line -> {}));
    assertEquals(List.of("check"), events);
  }
}
