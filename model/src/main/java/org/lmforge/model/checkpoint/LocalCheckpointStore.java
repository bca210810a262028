package org.lmforge.model.checkpoint;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.lmforge.config.LocalFiles;

/**
 * Checkpoints as files in a local directory: write to a hidden temp file, fsync, then atomic
 * rename.
 */
public final class LocalCheckpointStore implements CheckpointStore {
  private final Path dir;

  public LocalCheckpointStore(Path dir) {
    this.dir = dir;
  }

  @Override
  public void write(String name, Body body) throws IOException {
    LocalFiles.replace(
        dir.resolve(name),
        tmp -> {
          try (OutputStream out =
              new BufferedOutputStream(
                  Files.newOutputStream(tmp, StandardOpenOption.WRITE), 1 << 20)) {
            body.writeTo(out);
          }
        });
  }

  @Override
  public InputStream open(String name) throws IOException {
    Path p = dir.resolve(name);
    if (!Files.exists(p)) throw new IOException("no checkpoint " + p);
    return Files.newInputStream(p);
  }

  @Override
  public boolean exists(String name) {
    return Files.exists(dir.resolve(name));
  }

  @Override
  public String describe(String name) {
    return dir.resolve(name).toString();
  }
}
