package org.lmforge.pipeline.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What ND4J loaded in this JVM, read from its environment information ({@code OpExecutioner
 * #getEnvironmentInformation}: keys {@code backend}, {@code blas.vendor}, {@code blas.threads},
 * {@code omp.threads} and, on CUDA, {@code cuda.devicesInformation}). Touching it initialises ND4J,
 * so callers that must survive a failed native load catch what it throws.
 */
public final class Nd4jInfo {
  private Nd4jInfo() {}

  /** "CPU" (nd4j-native) or "CUDA" (nd4j-cuda), as ND4J names its backend. */
  public static String backend() {
    return String.valueOf(env().get("backend")).toUpperCase(Locale.ROOT);
  }

  public static boolean cuda() {
    return backend().equals("CUDA");
  }

  /** The backend's class, e.g. org.nd4j.linalg.cpu.nativecpu.CpuBackend. */
  public static String backendClass() {
    return Nd4j.getBackend().getClass().getName();
  }

  public static String blasVendor() {
    return String.valueOf(Nd4j.factory().blas().getBlasVendor());
  }

  public static String blasThreads() {
    return String.valueOf(env().get("blas.threads"));
  }

  public static String ompThreads() {
    return String.valueOf(env().get("omp.threads"));
  }

  /**
   * One line per CUDA device ND4J sees: {@code 0: NAME, compute X.Y, T GiB (F GiB free)}; empty on
   * the CPU.
   */
  public static List<String> devices() {
    List<String> out = new ArrayList<>();
    if (env().get("cuda.devicesInformation") instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) instanceof Map<?, ?> m) {
          out.add(
              String.format(
                  Locale.ROOT,
                  "%d: %s, compute %s.%s, %.1f GiB (%.1f GiB free)",
                  i,
                  m.get("cuda.deviceName"),
                  m.get("cuda.deviceMajor"),
                  m.get("cuda.deviceMinor"),
                  gib(m.get("cuda.totalMemory")),
                  gib(m.get("cuda.freeMemory"))));
        }
      }
    }
    return out;
  }

  /** The version of the nd4j-api artifact on the classpath (its Maven metadata), else "unknown". */
  public static String version() {
    try (InputStream in =
        Nd4j.class.getResourceAsStream("/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "unknown");
      }
    } catch (IOException ignored) {
      // fall through to the manifest
    }
    String v = Nd4j.class.getPackage().getImplementationVersion();
    return v == null ? "unknown" : v;
  }

  private static Properties env() {
    return Nd4j.getExecutioner().getEnvironmentInformation();
  }

  private static double gib(Object bytes) {
    return bytes instanceof Number n ? n.doubleValue() / (1L << 30) : Double.NaN;
  }
}
