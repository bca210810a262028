package org.lmforge.pipeline.io;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.hadoop.util.VersionInfo;
import org.lmforge.pipeline.job.UserError;

/**
 * A path on a file system whose Hadoop connector is not on the classpath ({@code s3a://} without
 * hadoop-aws, {@code gs://} without the GCS connector): Hadoop fails wherever the path is first
 * touched, with a ClassNotFoundException or "No FileSystem for scheme". That is the user's to fix,
 * with the artifact to add.
 */
public final class MissingConnector {
  private MissingConnector() {}

  /** Scheme → the Maven artifact of its connector; {@code %s}: this Spark's Hadoop version. */
  private static final Map<String, String> CONNECTORS =
      Map.of(
          "s3a", "org.apache.hadoop:hadoop-aws:%s",
          "abfs", "org.apache.hadoop:hadoop-azure:%s",
          "abfss", "org.apache.hadoop:hadoop-azure:%s",
          "wasb", "org.apache.hadoop:hadoop-azure:%s",
          "wasbs", "org.apache.hadoop:hadoop-azure:%s",
          "gs", "com.google.cloud.bigdataoss:gcs-connector (its hadoop3 build)");

  /** The connector classes Hadoop's core-default.xml names, by package, and their scheme. */
  private static final Map<String, String> SCHEME_OF_PACKAGE =
      Map.of("org.apache.hadoop.fs.s3a.", "s3a", "org.apache.hadoop.fs.azurebfs.", "abfs");

  private static final Pattern NO_SCHEME = Pattern.compile("No FileSystem for scheme \"([^\"]+)\"");
  private static final Pattern CLASS_NOT_FOUND =
      Pattern.compile("Class (\\S+FileSystem) not found");

  /**
   * The UserError when {@code t} itself says a connector is missing, or null (the caller walks the
   * cause chain, as Main does for every kind of user mistake).
   */
  public static UserError explain(Throwable t) {
    String m = String.valueOf(t.getMessage());
    Matcher scheme = NO_SCHEME.matcher(m);
    if (t instanceof UnsupportedFileSystemException && scheme.find()) {
      return error(scheme.group(1), "Hadoop has no file system for it");
    }
    Matcher cls = CLASS_NOT_FOUND.matcher(m);
    if (t instanceof ClassNotFoundException && cls.find()) {
      String name = cls.group(1);
      String s =
          SCHEME_OF_PACKAGE.entrySet().stream()
              .filter(e -> name.startsWith(e.getKey()))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(null);
      return error(s, name + " is not on the classpath");
    }
    return null;
  }

  private static UserError error(String scheme, String why) {
    String connector =
        scheme == null || !CONNECTORS.containsKey(scheme)
            ? "the Hadoop connector of that file system"
            : CONNECTORS.get(scheme).formatted(VersionInfo.getVersion());
    return UserError.of(
        "no connector for " + (scheme == null ? "this file system" : scheme + ":// paths") + ":",
        why,
        "add "
            + connector
            + " (this Spark's Hadoop is "
            + VersionInfo.getVersion()
            + "): spark-submit --packages <it> …, or for bin/pipeline LMFORGE_CLASSPATH=<its jar and"
            + " dependencies>");
  }
}
