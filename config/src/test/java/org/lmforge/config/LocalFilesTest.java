package org.lmforge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one local whole-file write: the old file or the new one, never a part, nothing beside. */
class LocalFilesTest {
  @TempDir Path tmp;

  @Test
  void writesTheFileAndItsParentsAndLeavesNothingBeside() throws IOException {
    Path report = tmp.resolve("sweep/report.html");
    LocalFiles.replace(report, "<html>1</html>");
    LocalFiles.replace(report, "<html>2</html>"); // replaces
    assertEquals("<html>2</html>", Files.readString(report));
    assertEquals(List.of("report.html"), names(report.getParent()));
    // readable by others like a file the shell makes, not owner-only like a temporary file
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));
    Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-rw----"));
    LocalFiles.replace(report, "<html>3</html>");
    assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));
  }

  @Test
  void aWriteThatFailsHalfWayKeepsTheOldFileAndRemovesItsPart() throws IOException {
    Path fit = tmp.resolve("fit.json");
    LocalFiles.replace(fit, "{\"old\": true}".getBytes());
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                LocalFiles.replace(
                    fit,
                    part -> {
                      Files.writeString(part, "{\"new\": ");
                      throw new IOException("disk full");
                    }));
    assertEquals("disk full", e.getMessage());
    assertEquals("{\"old\": true}", Files.readString(fit));
    assertEquals(List.of("fit.json"), names(tmp));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
