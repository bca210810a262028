package org.lmforge.pipeline.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report of this JVM (the CPU backend loads here) and the driver's copy with executor GPUs. */
class NodeReportTest {
  @Test
  void thisJvmReportsItsJavaSparkAndNd4j() {
    NodeReport r = NodeReport.here("driver");
    assertNull(r.nd4jError(), r.nd4jError());
    assertEquals("driver", r.node());
    assertEquals(ProcessHandle.current().pid(), r.pid());
    assertTrue(r.java().startsWith(System.getProperty("java.version") + " ("), r.java());
    assertNotNull(r.host());
    assertNotNull(r.spark());
    assertNotNull(r.nd4j());
    assertNotNull(r.backend());
    assertTrue(r.sgemmGflops() > 0, r.toString());
    assertEquals(List.of(), r.taskGpus(), "no Spark task here");
    assertEquals(List.of(), r.executorGpus());
  }

  @Test
  void theDriversCopyChangesOnlyTheExecutorGpus() throws ReflectiveOperationException {
    NodeReport r =
        new NodeReport(
            "executor 1",
            "node-a",
            42L,
            "17",
            "3.5.7",
            "1.0.0-M2",
            "CUDA",
            "JCublasBackend",
            "CUBLAS",
            "1",
            "8",
            List.of("GPU 0"),
            List.of("0"),
            List.of(),
            1000.0,
            null);
    NodeReport copy = r.withExecutorGpus(List.of("0", "1"));
    assertEquals(List.of("0", "1"), copy.executorGpus());
    for (RecordComponent c : NodeReport.class.getRecordComponents()) {
      if (!c.getName().equals("executorGpus")) {
        assertEquals(c.getAccessor().invoke(r), c.getAccessor().invoke(copy), c.getName());
      }
    }
  }
}
