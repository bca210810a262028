package org.lmforge.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.lmforge.pipeline.cluster.DeviceBinder;

/**
 * A {@link DeviceBinder} for a machine without GPUs (chosen with {@code -Dlmforge.deviceBinder}):
 * it plays a CUDA backend and, instead of binding, appends one line per call to the file {@code
 * -Dlmforge.test.bindLog} named on the driver: {@code stage partition address device pid}, where
 * {@code address} is the GPU Spark assigned the task as this class reads it from the task context
 * itself, independently of the code under test.
 */
public final class RecordingDeviceBinder implements DeviceBinder {
  static final String LOG = "lmforge.test.bindLog";
  private static final long serialVersionUID = 1L;
  private static final Object LOCK =
      new Object(); // tasks of one executor JVM append from several threads

  private final String file;

  public RecordingDeviceBinder() {
    file = System.getProperty(LOG);
    if (file == null) throw new IllegalStateException("set -D" + LOG + "=FILE");
  }

  @Override
  public String cannotBind() {
    return null;
  }

  @Override
  public void bind(int device) {
    TaskContext tc = TaskContext.get();
    ResourceInformation gpu = tc == null ? null : tc.resourcesJMap().get("gpu");
    String address = gpu == null ? "none" : String.join(",", gpu.addresses());
    String line =
        (tc == null ? -1 : tc.stageId())
            + " "
            + (tc == null ? -1 : tc.partitionId())
            + " "
            + address
            + " "
            + device
            + " "
            + ProcessHandle.current().pid()
            + "\n";
    synchronized (LOCK) {
      try {
        Files.writeString(
            Path.of(file),
            line,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
