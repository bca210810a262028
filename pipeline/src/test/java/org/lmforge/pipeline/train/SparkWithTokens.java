package org.lmforge.pipeline.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.lmforge.pipeline.LocalSpark;
import org.lmforge.pipeline.tokenize.TokenizeResult;

/**
 * A test class's local session and the token shards of the first {@code debates} Europarl debates
 * ({@link EuroparlTokens}), written once before its tests into a scratch directory removed after
 * them: {@code @RegisterExtension static final SparkWithTokens DATA = new
 * SparkWithTokens("my-test", 150);}.
 */
public final class SparkWithTokens extends LocalSpark {
  private final int debates;
  private Path dir;
  private EuroparlTokens.Written written;

  public SparkWithTokens(String appName, int debates) {
    super(appName);
    this.debates = debates;
  }

  /** The shards' directory (a file: URI). */
  public String tokens() {
    return written().uri();
  }

  /** What the tokenize job reported. */
  public TokenizeResult result() {
    return written().result();
  }

  private EuroparlTokens.Written written() {
    if (written == null)
      throw new IllegalStateException("the tokens are written when the test class starts");
    return written;
  }

  @Override
  protected void started(SparkSession spark) throws IOException {
    dir = Files.createTempDirectory("europarl-tokens");
    written = EuroparlTokens.write(spark, dir, debates);
  }

  @Override
  protected void stopping() throws IOException {
    if (dir == null) return;
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
    dir = null;
    written = null;
  }
}
