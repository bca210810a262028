package org.lmforge.pipeline.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.model.gpt.GptConfig;
import org.lmforge.model.train.BatchSampler;
import org.lmforge.model.train.Optim;
import org.lmforge.pipeline.TestSessions;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.job.UserError;
import org.lmforge.pipeline.train.EuroparlTokens;
import org.lmforge.pipeline.train.PretrainConfig;
import org.lmforge.pipeline.train.PretrainRun;

/**
 * The GPU mistakes a user can make stop the pretrain job before training, naming the setting: the
 * pure checks on settings and executor addresses, and on a real local session with GPU resources
 * configured, the CPU backend and the local master. (Too few GPU slots on a real cluster: jobs'
 * GpuClusterTest.)
 */
class GpuSlotsTest {
  @TempDir Path tmp;

  @Test
  void gpuSettingsThatCannotGiveOneGpuPerReplicaAreNamed() {
    assertMessage(
        conf(GpuSlots.EXECUTOR_AMOUNT, "2"),
        "spark.executor.resource.gpu.amount=2 gives executors GPUs, "
            + "but spark.task.resource.gpu.amount is not set",
        "set spark.task.resource.gpu.amount=1");
    assertMessage(
        conf(GpuSlots.EXECUTOR_AMOUNT, "2", GpuSlots.TASK_AMOUNT, "0.5"),
        "spark.task.resource.gpu.amount=0.5: the pretrain job runs one replica per GPU; set it to 1");
    assertMessage(
        conf(GpuSlots.TASK_AMOUNT, "1"),
        "spark.task.resource.gpu.amount=1 asks for a GPU per task, but "
            + "spark.executor.resource.gpu.amount is not set");
    assertMessage(
        conf(GpuSlots.TASK_AMOUNT, "one"), "spark.task.resource.gpu.amount=one is not a number");
    GpuSlots.checkSettings(conf(GpuSlots.EXECUTOR_AMOUNT, "4", GpuSlots.TASK_AMOUNT, "1")); // fine
    GpuSlots.checkSettings(conf()); // no GPUs: fine
    assertFalse(GpuSlots.requested(conf()));
  }

  @Test
  void slotsAreGpusBoundedByCoresAndAddressesMustBeDeviceNumbers() {
    var fourGpusTwoCores = new SparkExecutors.Executor("0", "h1", 2, List.of("0", "1", "2", "3"));
    var twoGpusEightCores = new SparkExecutors.Executor("1", "h2", 8, List.of("0", "1"));
    assertEquals(4, GpuSlots.of(List.of(fourGpusTwoCores, twoGpusEightCores), 1).slots());
    assertEquals(3, GpuSlots.of(List.of(fourGpusTwoCores, twoGpusEightCores), 2).slots()); // 1 + 2

    var uuids = new SparkExecutors.Executor("7", "h3", 4, List.of("GPU-5f3a9c"));
    UserError e = assertThrows(UserError.class, () -> GpuSlots.of(List.of(uuids), 1));
    assertTrue(
        e.getMessage()
            .contains("executor 7 has GPU address 'GPU-5f3a9c', which is not a CUDA device number"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("spark.executor.resource.gpu.discoveryScript"), e.getMessage());
    assertThrows(UserError.class, () -> TaskGpu.device("-1", "0"));
    assertEquals(3, TaskGpu.device(" 3 ", "0"));
  }

  @Test
  void pretrainWithGpusStopsBeforeTrainingOnTheCpuBackendAndOnALocalMaster() throws Exception {
    String tokens;
    try (SparkSession plain = TestSessions.local("gpu-slots-tokens")) {
      tokens = EuroparlTokens.write(plain, tmp, 40).uri();
    }
    Path script = tmp.resolve("fake-gpus.sh");
    Files.writeString(script, "#!/bin/sh\necho '{\"name\":\"gpu\",\"addresses\":[\"0\",\"1\"]}'\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path out = tmp.resolve("run");
    PretrainConfig cfg =
        new PretrainConfig(
            tokens,
            out.toUri().toString(),
            false,
            false,
            new GptConfig(0, 16, 1, 2, 16, 0.0, GptConfig.Positional.LEARNED, false),
            PretrainConfig.Dtype.FLOAT,
            new Optim(2, 1, 2, 3e-3, 3e-4, 1, 0.9, 0.99, 0.1, 1.0, 7, BatchSampler.Mode.RANDOM),
            2,
            1,
            0,
            512,
            1,
            2,
            0,
            PretrainConfig.Sync.AUTO);
    try (SparkSession gpu =
        SparkSession.builder()
            .appName("gpu-slots")
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config(GpuSlots.EXECUTOR_AMOUNT, "2")
            .config(GpuSlots.TASK_AMOUNT, "1")
            .config("spark.executor.resource.gpu.discoveryScript", script.toString())
            .getOrCreate()) {
      // ND4J's CPU backend with the real binder
      UserError cpu =
          assertThrows(UserError.class, () -> PretrainRun.run(gpu, cfg, Progress.to(System.out)));
      assertTrue(
          cpu.getMessage()
              .startsWith(
                  "spark.task.resource.gpu.amount=1 asks for GPUs, but on the driver ND4J's "
                      + "backend is CPU (org.nd4j.linalg.cpu.nativecpu.CpuBackend, the nd4j-native artifact), which cannot use "
                      + "GPUs; build the application jar with mvn -Pcuda package"),
          cpu.getMessage());
      // a binder that could bind: then the local master is the mistake (local mode assigns tasks no
      // GPUs)
      System.setProperty(DeviceBinder.PROPERTY, AlwaysBinds.class.getName());
      try {
        UserError local =
            assertThrows(UserError.class, () -> PretrainRun.run(gpu, cfg, Progress.to(System.out)));
        assertTrue(
            local
                .getMessage()
                .contains("the master is local[2]: Spark's local mode assigns no GPUs to tasks"),
            local.getMessage());
      } finally {
        System.clearProperty(DeviceBinder.PROPERTY);
      }
      assertEquals(0, AlwaysBinds.CALLS.get(), "no replica was built");
    }
    assertFalse(Files.exists(out), "nothing was written");
  }

  private static void assertMessage(SparkConf conf, String... parts) {
    UserError e = assertThrows(UserError.class, () -> GpuSlots.checkSettings(conf));
    for (String p : parts) assertTrue(e.getMessage().contains(p), e.getMessage());
  }

  private static SparkConf conf(String... kv) {
    SparkConf c = new SparkConf(false);
    for (int i = 0; i < kv.length; i += 2) c.set(kv[i], kv[i + 1]);
    return c;
  }

  /** A binder that could bind (as on a CUDA backend) and counts the calls. */
  public static final class AlwaysBinds implements DeviceBinder {
    static final java.util.concurrent.atomic.AtomicInteger CALLS =
        new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public String cannotBind() {
      return null;
    }

    @Override
    public void bind(int device) {
      CALLS.incrementAndGet();
    }
  }
}
