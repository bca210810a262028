package org.lmforge.pipeline.dl4jspark;

import java.net.DatagramSocket;
import java.util.Locale;
import org.deeplearning4j.optimize.solvers.accumulation.encoding.threshold.AdaptiveThresholdAlgorithm;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.parameterserver.training.SharedTrainingMaster;
import org.nd4j.parameterserver.distributed.conf.VoidConfiguration;
import org.nd4j.parameterserver.distributed.v2.ModelParameterServer;

/**
 * Child JVM of {@link
 * Dl4jTrainingMasterTest#sharedTrainingMasterTrainsOneModelPerJvmAndReportsNoScore}: trains the
 * same model on the same windows with SharedTrainingMaster in local[2] and prints {@code RESULT
 * initialLoss finalLoss tyingError reportedScore}. Needs
 * -Daeron.publication.unblock.timeout=60000000000.
 */
public final class SharedTrainingMasterChild {
  private SharedTrainingMasterChild() {}

  public static void main(String[] args) throws Exception {
    int exit = 1;
    try {
      Dl4jTrainingMasterTest.setUp();
      int port;
      try (DatagramSocket s = new DatagramSocket(0)) {
        port = s.getLocalPort();
      }
      VoidConfiguration voidConf =
          VoidConfiguration.builder()
              .unicastPort(port)
              .networkMask("127.0.0.0/8")
              .controllerAddress("127.0.0.1")
              .build();
      SharedTrainingMaster master =
          new SharedTrainingMaster.Builder(voidConf, Dl4jTrainingMasterTest.B)
              .batchSizePerWorker(Dl4jTrainingMasterTest.B)
              .thresholdAlgorithm(new AdaptiveThresholdAlgorithm(1e-3))
              .workerPrefetchNumBatches(0)
              .rddTrainingApproach(RDDTrainingApproach.Direct)
              .rngSeed(Dl4jTrainingMasterTest.SEED)
              .build();
      Dl4jTrainingMasterTest.Curve c =
          Dl4jTrainingMasterTest.trainOnSpark("SharedTrainingMaster", master);
      System.out.println(c + ";  SparkComputationGraph.getScore() " + c.reportedScore());
      System.out.printf(
          Locale.ROOT,
          "RESULT %s %s %s %s%n",
          c.loss()[0],
          c.last(),
          c.tyingError(),
          c.reportedScore());
      exit = 0;
    } catch (Throwable t) {
      t.printStackTrace(System.out);
    } finally {
      System.out.flush();
      try {
        Dl4jTrainingMasterTest.tearDown();
        ModelParameterServer.getInstance().shutdown();
      } finally {
        System.exit(
            exit); // its Aeron polling thread never ends (a daemon, so exit does not wait for it)
      }
    }
  }
}
