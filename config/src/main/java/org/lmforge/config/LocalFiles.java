package org.lmforge.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one way a single local file is written whole (a report, fit.json, a metrics log, a
 * checkpoint, a model, the sample WARC): into a hidden temporary file beside it, flushed to disk,
 * then moved over it atomically, with the old file's permissions (a new one rw-r--r--). A reader,
 * or a run killed halfway, sees the old file or the new one, never a part; the temporary file goes
 * on failure. (Outputs on any Hadoop file system go through the pipeline's {@code AtomicFile} and
 * {@code AtomicOutput}.)
 */
public final class LocalFiles {
  private LocalFiles() {}

  /** Writes the content of a file at the path it is given. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path file) throws IOException;
  }

  /** Replaces (or creates) {@code target} with what {@code content} writes; creates its parent. */
  public static void replace(Path target, Content content) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
    try {
      content.writeTo(tmp);
      if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
        // a temporary file is owner-only: give the result the old file's mode, else rw-r--r--
        Files.setPosixFilePermissions(
            tmp,
            Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--"));
      }
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true); // the bytes reach the disk before the name points at them
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    try (FileChannel d = FileChannel.open(parent, StandardOpenOption.READ)) {
      d.force(true); // and the rename itself
    } catch (IOException notOnThisPlatform) {
      // a directory cannot be opened for syncing here (e.g. Windows): the rename is still atomic
    }
  }

  /** {@link #replace} with a UTF-8 text. */
  public static void replace(Path target, String text) throws IOException {
    replace(target, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
  }

  /** {@link #replace} with bytes. */
  public static void replace(Path target, byte[] bytes) throws IOException {
    replace(target, tmp -> Files.write(tmp, bytes));
  }
}
