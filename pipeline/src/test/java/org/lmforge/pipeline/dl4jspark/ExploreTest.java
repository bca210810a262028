package org.lmforge.pipeline.dl4jspark;

import static org.lmforge.pipeline.dl4jspark.Dl4jTrainingMasterTest.*;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.junit.jupiter.api.Test;

class ExploreTest {
  @Test
  void explore() throws Exception {
    Dl4jTrainingMasterTest.setUp();
    try {
      List<Curve> cs = new ArrayList<>();
      cs.add(trainSingleProcess());
      // shuffled order: same windows, reversed within the run
      int n = trainX.length;
      int[][] x = trainX.clone(), y = trainY.clone();
      java.util.List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < n; i++) idx.add(i);
      java.util.Collections.shuffle(idx, new java.util.Random(7));
      for (int i = 0; i < n; i++) { trainX[i] = x[idx.get(i)]; trainY[i] = y[idx.get(i)]; }
      Curve shuf = trainSingleProcess();
      cs.add(new Curve("single shuffled", shuf.loss(), shuf.seconds(), 0, shuf.tyingError()));
      trainX = x; trainY = y;
      for (int f : new int[] {1, 4}) {
        cs.add(trainOnSpark("PA 2w avgFreq=" + f, parameterAveraging(f)));
      }
      cs.add(trainOnSpark("PA 2w avgFreq=4 seed2", new ParameterAveragingTrainingMaster.Builder(2, B).batchSizePerWorker(B)
          .averagingFrequency(4).saveUpdater(true).workerPrefetchNumBatches(0).rddTrainingApproach(RDDTrainingApproach.Direct).rngSeed(99).build()));
      cs.add(trainOnSpark("PA 2w avgFreq=4 noSaveUpdater", new ParameterAveragingTrainingMaster.Builder(2, B).batchSizePerWorker(B)
          .averagingFrequency(4).saveUpdater(false).workerPrefetchNumBatches(0).rddTrainingApproach(RDDTrainingApproach.Direct).rngSeed(SEED).build()));
      for (Curve c : cs) System.out.println("EXPLORE " + c);
    } finally {
      Dl4jTrainingMasterTest.tearDown();
    }
  }
}
