package org.lmforge.dataprep;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The data the checkouts of a machine share, {@code ../shared/data} beside the checkout (crawl
 * samples, tinyshakespeare, the extraction dev set, word lists): the one place tests and benchmarks
 * of every module look it up (other modules get this class through dataprep's test-jar). Always
 * relative to the checkout, never a machine path, so a fresh clone without it runs every test that
 * does not need it and skips the others. A benchmark started by hand elsewhere can name it with
 * {@code -Dshared.data=DIR} (docs/*.md do).
 */
public final class SharedData {
  private SharedData() {}

  /** {@code <checkout>/../shared/data} (or {@code -Dshared.data}); it may not exist. */
  public static Path dir() {
    String given = System.getProperty("shared.data");
    if (given != null && !given.isBlank()) return Path.of(given).toAbsolutePath().normalize();
    return checkout().resolve("..").resolve("shared").resolve("data").normalize();
  }

  /** A file or directory under {@link #dir()}; it may not exist. */
  public static Path path(String first, String... more) {
    return dir().resolve(Path.of(first, more)).normalize();
  }

  /** True when {@link #path} exists. */
  public static boolean exists(String first, String... more) {
    return Files.exists(path(first, more));
  }

  /** {@link #path}, or the calling test is skipped (a JUnit assumption) when it is absent. */
  public static Path require(String first, String... more) {
    Path p = path(first, more);
    Assumptions.assumeTrue(Files.exists(p), "shared data not found: " + p);
    return p;
  }

  /**
   * The checkout's root: Maven's multi-module directory (surefire passes it as {@code
   * project.root}), else the nearest directory at or above the working one that holds {@code
   * conf/jvm.properties} (a bench started from a module directory or the root).
   */
  public static Path checkout() {
    String root = System.getProperty("project.root");
    if (root != null && !root.isBlank()) return Path.of(root).toAbsolutePath().normalize();
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("conf").resolve("jvm.properties"))) return p;
    }
    return here;
  }
}
