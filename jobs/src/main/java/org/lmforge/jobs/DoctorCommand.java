package org.lmforge.jobs;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.lmforge.pipeline.cluster.DoctorJob;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.job.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code pipeline doctor}: the driver and one task per executor report Java, Spark, ND4J backend
 * and BLAS, CUDA devices, assigned GPUs and an sgemm rate; exit 2 naming the cause when an
 * executor's backend differs from the driver's or its native libraries fail to load.
 */
@Command(
    name = "doctor",
    description =
        "Check a cluster before training: versions, ND4J backend and BLAS, GPUs and sgemm GFLOP/s of the "
            + "driver and every executor; fails when they do not match.")
public final class DoctorCommand implements Callable<Integer> {
  @Mixin MasterOption cluster = new MasterOption();

  @Override
  public Integer call() throws IOException {
    DoctorJob.Report report =
        Launch.result("doctor", cluster.master(), new DoctorJob(), Progress.to(System.out));
    if (!report.ok()) throw new UserError(String.join("; ", report.problems()));
    return 0;
  }
}
