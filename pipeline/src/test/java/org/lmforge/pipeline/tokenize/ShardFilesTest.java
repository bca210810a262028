package org.lmforge.pipeline.tokenize;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening token shards where the tokenize job has not finished says what is missing and how. */
class ShardFilesTest {
  @TempDir Path tmp;

  @Test
  void aDirectoryWithoutManifestNamesItAndTheCommandThatWritesOne() throws Exception {
    Path half = Files.createDirectories(tmp.resolve("tokens/train")).getParent();
    String msg =
        assertThrows(
                FileNotFoundException.class,
                () -> ShardFiles.open(half.toString(), new Configuration()))
            .getMessage();
    assertTrue(msg.contains(half + " is not a finished tokenize output"), msg);
    assertTrue(
        msg.endsWith(
            "run the tokenize job (bin/pipeline tokenize --input work/clean/docs --output"
                + " work/tokens) and pass its output"),
        msg);
  }
}
