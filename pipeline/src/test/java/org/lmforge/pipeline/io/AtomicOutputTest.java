package org.lmforge.pipeline.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.pipeline.job.UserError;

/** The one way outputs are committed, on the local Hadoop file system. */
class AtomicOutputTest {
  @TempDir Path tmp;
  final Configuration conf = new Configuration();

  @Test
  void aStagedOutputAppearsWholeWithItsMarkerAndNothingBesideIt() throws IOException {
    Path out = tmp.resolve("out");
    AtomicOutput o = beginWith(out, "stats.json", "{}");
    assertFalse(Files.exists(out), "nothing at the output before the commit");
    assertFalse(AtomicOutput.isComplete(out.toString(), conf));
    o.commit();
    o.close(); // removes nothing after the commit (jobs open outputs in try-with-resources)
    assertEquals("{}", Files.readString(out.resolve("stats.json")));
    assertTrue(AtomicOutput.isComplete(out.toString(), conf));
    assertEquals(List.of("out"), names(tmp));
  }

  @Test
  void anExistingOutputIsRefusedUnlessOverwriteAndThenReplacedOnlyAtTheCommit() throws IOException {
    Path out = tmp.resolve("out");
    beginWith(out, "a.txt", "old").commit();

    UserError e = assertThrows(UserError.class, () -> begin(out, false));
    assertTrue(
        e.getMessage().contains("already exists (a complete job output)")
            && e.getMessage().contains("--overwrite")
            && e.getMessage().contains("job.overwrite"),
        e.getMessage());

    AtomicOutput second = begin(out, true);
    second.writeString("b.txt", "new");
    assertEquals(
        "old",
        Files.readString(out.resolve("a.txt")),
        "the old output stays until the new one is complete");
    second.commit();
    assertEquals(List.of("_COMPLETE", "b.txt"), names(out));
    assertEquals(List.of("out"), names(tmp));
  }

  @Test
  void anEmptyDirectoryIsFreeAndAKilledRunsStagingIsRemoved() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.createDirectories(tmp.resolve("out.staging-0badc0de/docs"));
    FileSystem fs = FileSystem.getLocal(conf);
    assertNotNull(AtomicOutput.stagingOf(fs, hadoop(out)));
    begin(out, false).commit();
    assertEquals(List.of("out"), names(tmp));
    assertTrue(AtomicOutput.isComplete(out.toString(), conf));
  }

  @Test
  void aFailedRunLeavesNothing() throws IOException {
    Path out = tmp.resolve("out");
    beginWith(out, "half.txt", "…").close();
    assertEquals(List.of(), names(tmp));
    assertNull(AtomicOutput.stagingOf(FileSystem.getLocal(conf), hadoop(out)));
  }

  @Test
  void anInPlaceOutputKeepsWhatItResumesFromAndIsCompleteOnlyAfterItsLastCommit()
      throws IOException {
    Path run = tmp.resolve("run");
    AtomicOutput first = AtomicOutput.inPlace(run.toString(), false, conf);
    first.writeString("checkpoint", "step 10");
    assertFalse(AtomicOutput.isComplete(run.toString(), conf));
    first.commit();
    assertTrue(AtomicOutput.isComplete(run.toString(), conf));

    AtomicOutput resumed = AtomicOutput.inPlace(run.toString(), false, conf);
    assertFalse(
        AtomicOutput.isComplete(run.toString(), conf),
        "reopened: no longer complete until committed");
    resumed.close();
    assertEquals("step 10", Files.readString(run.resolve("checkpoint")), "kept to resume from");

    AtomicOutput.inPlace(run.toString(), true, conf).close();
    assertEquals(List.of(), names(run), "replaced: deleted when opened");
  }

  /**
   * An in-place output the job created and left empty (a sweep whose plan had no run) is removed
   * when the job stops; one it wrote in, or that was there before, stays.
   */
  @Test
  void anInPlaceOutputCreatedAndLeftEmptyIsRemoved() throws IOException {
    Path refused = tmp.resolve("refused");
    AtomicOutput.inPlace(refused.toString(), false, conf).close();
    assertFalse(Files.exists(refused), "nothing left by a job that wrote nothing");

    Path started = tmp.resolve("started");
    try (AtomicOutput o = AtomicOutput.inPlace(started.toString(), false, conf)) {
      o.writeString("plan.json", "{}");
    }
    assertEquals(List.of("plan.json"), names(started), "kept to resume from");

    Path before = Files.createDirectories(tmp.resolve("before"));
    AtomicOutput.inPlace(before.toString(), false, conf).close();
    assertTrue(Files.isDirectory(before), "a directory the job did not create stays");
  }

  /**
   * Two jobs started on one output: the second stops with the first's staging directory and process
   * named, whether or not it may overwrite, and the first commits its output whole.
   */
  @Test
  void aSecondJobIsRefusedWhileTheFirstIsWriting() throws IOException {
    Path out = tmp.resolve("out");
    AtomicOutput first = beginWith(out, "a.txt", "first");
    for (boolean overwrite : new boolean[] {false, true}) {
      UserError e = assertThrows(UserError.class, () -> begin(out, overwrite));
      assertTrue(
          e.getMessage().startsWith("another job is writing this output:")
              && e.getMessage().contains(first.dir().toString())
              && e.getMessage().contains("process " + ProcessHandle.current().pid())
              && e.getMessage().contains("wait for that job to finish")
              && e.getMessage().contains("or delete " + first.dir() + "/_WRITING"),
          e.getMessage());
    }
    assertEquals(
        List.of(first.dir().getName()), names(tmp), "the refused jobs' own staging is removed");
    first.commit();
    assertEquals("first", Files.readString(out.resolve("a.txt")));
    assertEquals(List.of("_COMPLETE", "a.txt"), names(out), "the claim is not part of the output");
    begin(out, true).close(); // finished: free again
  }

  /**
   * A staging directory whose claim is older than the lapse is a killed job's: removed. One renewed
   * a few seconds ago (by a job in another process) is not.
   */
  @Test
  void aKilledJobsClaimLapsesAndAStagingDirectoryWithoutOneIsRemoved() throws IOException {
    Path out = tmp.resolve("out");
    Path staging = Files.createDirectories(tmp.resolve("out.staging-0badc0de"));
    Path claim = Files.writeString(staging.resolve("_WRITING"), "process 7 on elsewhere");
    age(claim, 5);
    UserError e = assertThrows(UserError.class, () -> begin(out, false));
    assertTrue(e.getMessage().contains("process 7 on elsewhere"), e.getMessage());
    assertTrue(Files.exists(claim), "a live claim's directory is kept");

    age(claim, OutputLease.LAPSE_SECONDS + 1);
    begin(out, false).commit();
    assertEquals(List.of("out"), names(tmp), "the killed job's staging directory is removed");
  }

  /** The claim of a process of this host that no longer runs (kill -9, a crash) is no claim. */
  @Test
  void aClaimOfAProcessThatIsGoneLapsesAtOnce() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path staging = Files.createDirectories(tmp.resolve("out.staging-0badc0de"));
    Files.writeString(
        staging.resolve("_WRITING"),
        "process "
            + gone.pid()
            + " on "
            + java.net.InetAddress.getLocalHost().getHostName()
            + ", started 2026-11-30T22:00:00Z");
    begin(tmp.resolve("out"), false).commit();
    assertEquals(List.of("out"), names(tmp));
  }

  /** A staging directory marked complete (its commit's rename never happened) is kept, not lost. */
  @Test
  void aFinishedOutputLeftByACommitThatDidNotEndIsKept() throws IOException {
    Path staging = Files.createDirectories(tmp.resolve("out.staging-0badc0de"));
    Files.writeString(staging.resolve("_COMPLETE"), "");
    Files.writeString(staging.resolve("stats.json"), "{}");
    UserError e = assertThrows(UserError.class, () -> begin(tmp.resolve("out"), true));
    assertTrue(
        e.getMessage().startsWith("a finished output was left beside the output")
            && e.getMessage().contains("out.staging-0badc0de")
            && e.getMessage().contains("rename it to out"),
        e.getMessage());
    assertEquals(List.of("out.staging-0badc0de"), names(tmp));
    assertEquals("{}", Files.readString(staging.resolve("stats.json")));
  }

  /**
   * Replacing an output that holds a running job's output deeper down is refused, for both kinds.
   */
  @Test
  void anOutputHoldingAnotherJobsLiveOutputIsNotReplaced() throws IOException {
    Path sweep = Files.createDirectories(tmp.resolve("sweep/runs/r1"));
    Files.writeString(sweep.resolve("_WRITING"), "process 7 on elsewhere, started x");
    UserError inPlace =
        assertThrows(
            UserError.class,
            () -> AtomicOutput.inPlace(tmp.resolve("sweep").toString(), true, conf));
    assertTrue(
        inPlace.getMessage().contains("sweep/runs/r1 is being written"), inPlace.getMessage());
    UserError staged = assertThrows(UserError.class, () -> begin(tmp.resolve("sweep"), true));
    assertTrue(staged.getMessage().contains("sweep/runs/r1 is being written"), staged.getMessage());
    assertTrue(Files.exists(sweep.resolve("_WRITING")), "kept");
  }

  /** A lapsed claim left in a run directory is taken over, and renewed as this job's. */
  @Test
  void anInPlaceOutputWithALapsedClaimIsTakenOver() throws IOException {
    Path run = Files.createDirectories(tmp.resolve("run"));
    Path claim = Files.writeString(run.resolve("_WRITING"), "process 7 on elsewhere, started x");
    age(claim, OutputLease.LAPSE_SECONDS + 1);
    try (AtomicOutput o = AtomicOutput.inPlace(run.toString(), false, conf)) {
      assertTrue(
          Files.readString(claim).startsWith("process " + ProcessHandle.current().pid()),
          Files.readString(claim));
    }
    assertFalse(Files.exists(claim), "released when closed");
  }

  /** An in-place output (a pretrain run) another job is writing is neither resumed nor replaced. */
  @Test
  void anInPlaceOutputBeingWrittenIsNotReopened() throws IOException {
    Path run = tmp.resolve("run");
    AtomicOutput first = AtomicOutput.inPlace(run.toString(), false, conf);
    first.writeString("checkpoint", "step 10");
    for (boolean replace : new boolean[] {false, true}) {
      UserError e =
          assertThrows(UserError.class, () -> AtomicOutput.inPlace(run.toString(), replace, conf));
      assertTrue(e.getMessage().contains("another job is writing this output"), e.getMessage());
    }
    assertEquals("step 10", Files.readString(run.resolve("checkpoint")));
    first.close(); // failed, or stopped: kept to resume from, and free
    AtomicOutput.inPlace(run.toString(), false, conf).close();
    assertEquals(List.of("checkpoint"), names(run));
  }

  /** A running job renews its claim, so a long job's output is never taken for a killed one's. */
  @Test
  void aRunningJobRenewsItsClaim() throws Exception {
    try (AtomicOutput o = begin(tmp.resolve("out"), false)) {
      Path claim = Path.of(o.dir().toUri()).resolve("_WRITING");
      age(claim, OutputLease.LAPSE_SECONDS + 1);
      FileSystem fs = FileSystem.getLocal(conf);
      assertNull(OutputLease.holder(fs, o.dir()), "aged past the lapse");
      Thread.sleep((OutputLease.RENEW_SECONDS + 2) * 1000L);
      assertNotNull(OutputLease.holder(fs, o.dir()), "renewed since");
    }
  }

  /** Sets {@code file}'s modification time {@code seconds} into the past. */
  private static void age(Path file, int seconds) throws IOException {
    Files.setLastModifiedTime(
        file,
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - seconds * 1000L));
  }

  /** A staged job output at {@code out}, as the jobs open theirs. */
  private AtomicOutput begin(Path out, boolean overwrite) throws IOException {
    return AtomicOutput.begin(out.toString(), overwrite, conf, "job.output");
  }

  /** A staged job output at {@code out} holding one file, not committed yet. */
  private AtomicOutput beginWith(Path out, String file, String content) throws IOException {
    AtomicOutput o = begin(out, false);
    o.writeString(file, content);
    return o;
  }

  private static org.apache.hadoop.fs.Path hadoop(Path p) {
    return new org.apache.hadoop.fs.Path(p.toString());
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> !n.endsWith(".crc"))
          .sorted()
          .toList();
    }
  }
}
