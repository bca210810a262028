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
    o.abort(); // a no-op after the commit (jobs call it in a finally)
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
    beginWith(out, "half.txt", "…").abort();
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
    resumed.abort();
    assertEquals("step 10", Files.readString(run.resolve("checkpoint")), "kept to resume from");

    AtomicOutput.inPlace(run.toString(), true, conf);
    assertEquals(List.of(), names(run), "replaced: deleted when opened");
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
