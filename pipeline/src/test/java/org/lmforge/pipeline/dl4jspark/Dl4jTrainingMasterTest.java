package org.lmforge.pipeline.dl4jspark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.samediff.AbstractSameDiffLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.api.TrainingMaster;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lmforge.dataprep.sample.EuroparlCorpus;
import org.lmforge.model.gpt.Gpt;
import org.lmforge.model.gpt.GptConfig;
import org.lmforge.pipeline.Sessions;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Issue 8: can DL4J's own Spark training (SparkComputationGraph + a TrainingMaster, dl4j-spark3_2.12 1.0.0-M2) train
 * this project's {@link Gpt} graph on Spark 3.5.7, what happens to the tied head, and what parameter averaging costs
 * in held-out loss per token against one process at the same total batch and tokens.
 *
 * <p>All runs start from the same tied initial parameters ({@code new Gpt(MODEL, SEED)}), use {@link Gpt#configuration}
 * with the {@code Sgd(0)} updater replaced by {@code Adam(LR)} on every layer, and see the same windows. The single
 * process fits batches of 2B with DL4J's own {@code ComputationGraph.fit}; the Spark runs use 2 workers × B, so only
 * the distribution differs. Held-out loss is DL4J's score (summed over time, mean over rows) divided by T.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Dl4jTrainingMasterTest {
  static final GptConfig MODEL = GptConfig.of(256, 64, 2, 4, 64, 0.0);   // bytes, T 64, L 2, H 4, d 64
  static final long SEED = 42;
  static final double LR = Double.parseDouble(System.getProperty("x.lr", "3e-3"));
  static final int B = Integer.getInteger("x.b", 8);             // rows per worker minibatch; the single process fits 2B rows per step
  static final int WORKERS = 2;
  static final int STEPS = Integer.getInteger("x.steps", 48);        // optimiser steps of the single process = minibatches per Spark worker
  static final int CHUNKS = 3;        // one fit(rdd) call ("epoch") per chunk, held-out loss after each
  static final int HELD_OUT_ROWS = 32;

  static SparkSession spark;
  static JavaSparkContext sc;
  static int[][] trainX, trainY;    // STEPS·2B windows, in the single process's order
  static DataSet heldOut;
  static String corpus;

  @BeforeAll
  static void setUp() throws IOException {
    byte[] text = corpusBytes();
    int T = MODEL.contextLength(), split = text.length * 9 / 10;
    SplittableRandom r = new SplittableRandom(SEED);
    int n = STEPS * 2 * B;
    trainX = new int[n][];
    trainY = new int[n][];
    for (int i = 0; i < n; i++) {
      int p = r.nextInt(split - T - 1);
      trainX[i] = window(text, p, T);
      trainY[i] = window(text, p + 1, T);
    }
    int[][] hx = new int[HELD_OUT_ROWS][], hy = new int[HELD_OUT_ROWS][];
    int stride = (text.length - split - T - 1) / HELD_OUT_ROWS;
    for (int i = 0; i < HELD_OUT_ROWS; i++) {
      hx[i] = window(text, split + i * stride, T);
      hy[i] = window(text, split + i * stride + 1, T);
    }
    heldOut = dataSet(hx, hy, 0, HELD_OUT_ROWS);
    spark = Sessions.localForTests("dl4j-training-master-test");
    sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
  }

  @AfterAll
  static void tearDown() {
    if (spark != null) spark.stop();
  }

  /**
   * (a0) DL4J's own fit, which every training master's workers call, cannot train Gpt.configuration as built: its
   * updater maps gradient key "block0_ln1_g" to layer "block0_ln1" (cut at the last '_') and finds none.
   */
  @Test
  @Order(1)
  void dl4jFitRejectsGptParameterNamesContainingUnderscores() {
    ComputationGraph net = new ComputationGraph(withUpdater(Gpt.configuration(MODEL, SEED, DataType.FLOAT), new Adam(LR)));
    net.init();
    assertTrue(net.paramTable().containsKey("block0_ln1_g") && net.paramTable().containsKey("ln_f_lnf_g"),
        "parameter keys: " + net.paramTable().keySet());
    NullPointerException e = assertThrows(NullPointerException.class, () -> net.fit(dataSet(trainX, trainY, 0, B)));
    System.out.println("ComputationGraph.fit(Gpt.configuration + Adam) throws: " + e);
    assertEquals("org.deeplearning4j.nn.updater.BaseMultiLayerUpdater", e.getStackTrace()[0].getClassName());
    assertEquals("preApply", e.getStackTrace()[0].getMethodName());
    // the same graph with '_'-free parameter keys is the same model: same flat layout, same loss
    ComputationGraph renamed = initialNet();
    Gpt gpt = new Gpt(MODEL, SEED);
    assertEquals(gpt.flatLength(), renamed.numParams());
    assertEquals(gpt.net().score(heldOut, false), renamed.score(heldOut, false), 1e-4);
  }

  /** (a) trains, (b) tying breaks, (c) penalty against one process with batch 2B. */
  @Test
  @Order(2)
  void parameterAveragingTrainsTheGptGraphButUntiesTheHeadAndCostsLossPerToken() {
    System.out.printf("corpus %s; model %s, %,d parameters (flat %,d); Adam lr %.0e; %d steps x %d rows x %d tokens"
            + " = %,d tokens; %d epochs (fit calls)%n", corpus, MODEL, MODEL.parameterCount(),
        new Gpt(MODEL, SEED).flatLength(), LR, STEPS, 2 * B, MODEL.contextLength(),
        (long) STEPS * 2 * B * MODEL.contextLength(), CHUNKS);

    Curve single = trainSingleProcess();
    Curve avg1 = trainOnSpark("ParameterAveraging avgFreq=1", parameterAveraging(1));
    Curve avg4 = trainOnSpark("ParameterAveraging avgFreq=4", parameterAveraging(4));

    for (Curve c : List.of(single, avg1, avg4)) System.out.println(c);
    double pen1 = 100 * (avg1.last() / single.last() - 1), pen4 = 100 * (avg4.last() / single.last() - 1);
    System.out.printf("held-out loss/token after %,d tokens: single(2B=%d) %.4f, avgFreq=1 %.4f (%+.2f%%), "
        + "avgFreq=4 %.4f (%+.2f%%)%n", (long) STEPS * 2 * B * MODEL.contextLength(), 2 * B, single.last(),
        avg1.last(), pen1, avg4.last(), pen4);

    // (a) DL4J's master trains this graph on Spark 3.5.7: held-out loss falls well below the initial ln(256)-ish
    for (Curve c : List.of(single, avg1, avg4)) {
      assertTrue(c.last() < c.loss[0] - 1.0, c.name + " learns: " + c);
      for (int i = 1; i < c.loss.length; i++) assertTrue(c.loss[i] < c.loss[i - 1], c.name + " falls each epoch: " + c);
    }
    // (b) the tie is lost: DL4J's updater moves wte and head.W independently
    assertEquals(0.0, single.tyingAtStart, "all runs start tied");
    for (Curve c : List.of(single, avg1, avg4))
      assertTrue(c.tyingError > 1e-3, c.name + " unties the head: tyingError " + c.tyingError);
  }

  // ---- runs

  /** One row of the results table: held-out loss after 0..CHUNKS epochs, epoch times, final tying error. */
  record Curve(String name, double[] loss, double[] seconds, double tyingAtStart, double tyingError) {
    double last() { return loss[loss.length - 1]; }

    @Override public String toString() {
      StringBuilder s = new StringBuilder(String.format("%-30s held-out loss/token", name));
      for (double l : loss) s.append(String.format(" %.4f", l));
      s.append(";  s/epoch");
      for (double t : seconds) s.append(String.format(" %.1f", t));
      double tokensPerEpoch = (double) STEPS * 2 * B * MODEL.contextLength() / CHUNKS;
      s.append(String.format(" (%.0f tok/s after the first);  tyingError %.3g", tokensPerEpoch
          / (java.util.Arrays.stream(seconds).skip(1).sum() / (seconds.length - 1)), tyingError));
      return s.toString();
    }
  }

  static Curve trainSingleProcess() {
    ComputationGraph net = initialNet();
    double tie0 = tyingError(net);
    double[] loss = new double[CHUNKS + 1], secs = new double[CHUNKS];
    loss[0] = heldOutLoss(net);
    int rowsPerChunk = STEPS * 2 * B / CHUNKS;
    for (int c = 0; c < CHUNKS; c++) {
      long t0 = System.nanoTime();
      for (int row = c * rowsPerChunk; row < (c + 1) * rowsPerChunk; row += 2 * B)
        net.fit(dataSet(trainX, trainY, row, 2 * B));
      secs[c] = (System.nanoTime() - t0) / 1e9;
      loss[c + 1] = heldOutLoss(net);
    }
    return new Curve("single process, batch " + 2 * B, loss, secs, tie0, tyingError(net));
  }

  static Curve trainOnSpark(String name, TrainingMaster<?, ?> master) {
    ComputationGraph net = initialNet();
    double tie0 = tyingError(net);
    SparkComputationGraph sparkNet = new SparkComputationGraph(sc, net, master);
    double[] loss = new double[CHUNKS + 1], secs = new double[CHUNKS];
    loss[0] = heldOutLoss(net);
    int rowsPerChunk = STEPS * 2 * B / CHUNKS;
    for (int c = 0; c < CHUNKS; c++) {
      List<DataSet> batches = new ArrayList<>();
      for (int row = c * rowsPerChunk; row < (c + 1) * rowsPerChunk; row += B) batches.add(dataSet(trainX, trainY, row, B));
      JavaRDD<DataSet> rdd = sc.parallelize(batches, WORKERS);
      long t0 = System.nanoTime();
      net = sparkNet.fit(rdd);
      secs[c] = (System.nanoTime() - t0) / 1e9;
      loss[c + 1] = heldOutLoss(net);
    }
    return new Curve(name, loss, secs, tie0, tyingError(net));
  }

  static ParameterAveragingTrainingMaster parameterAveraging(int averagingFrequency) {
    return new ParameterAveragingTrainingMaster.Builder(WORKERS, B)
        .batchSizePerWorker(B)
        .averagingFrequency(averagingFrequency)
        .saveUpdater(true)                              // default false: Adam's moments would restart every round
        .workerPrefetchNumBatches(0)
        .rddTrainingApproach(RDDTrainingApproach.Direct)   // no export of minibatches to files
        .rngSeed(SEED)
        .build();
  }

  // ---- model

  /**
   * Gpt.configuration with Adam on every layer and '_'-free parameter keys ({@link UnderscoreFreeLayers}),
   * initialised with the (tied) parameters of new Gpt(MODEL, SEED).
   */
  static ComputationGraph initialNet() {
    ComputationGraphConfiguration conf =
        UnderscoreFreeLayers.of(withUpdater(Gpt.configuration(MODEL, SEED, DataType.FLOAT), new Adam(LR)));
    ComputationGraph net = new ComputationGraph(conf);
    net.init(new Gpt(MODEL, SEED).params().dup(), false);
    return net;
  }

  static ComputationGraphConfiguration withUpdater(ComputationGraphConfiguration conf, IUpdater u) {
    for (GraphVertex v : conf.getVertices().values()) {
      if (!(v instanceof LayerVertex lv)) continue;
      Layer l = lv.getLayerConf().getLayer();
      if (l instanceof BaseLayer bl) {
        bl.setIUpdater(u.clone());
        bl.setBiasUpdater(u.clone());
      } else if (l instanceof AbstractSameDiffLayer sl) {
        sl.setUpdater(u.clone());
        sl.setBiasUpdater(u.clone());
      } else {
        throw new IllegalStateException("layer " + l.getLayerName() + " (" + l.getClass() + ") has no updater to set");
      }
    }
    return ComputationGraphConfiguration.fromJson(conf.toJson());   // what the masters ship to workers
  }

  /** {@link Gpt#tyingError} of a DL4J-trained graph: its parameters loaded into a Gpt of the same shape. */
  static double tyingError(ComputationGraph net) {
    Gpt g = new Gpt(MODEL, SEED);
    g.params().assign(net.params());
    return g.tyingError();
  }

  static double heldOutLoss(ComputationGraph net) {
    return net.score(heldOut, false) / MODEL.contextLength();
  }

  // ---- data

  static DataSet dataSet(int[][] x, int[][] y, int from, int rows) {
    int T = MODEL.contextLength();
    float[] f = new float[rows * T], l = new float[rows * T];
    for (int i = 0; i < rows; i++)
      for (int t = 0; t < T; t++) {
        f[i * T + t] = x[from + i][t];
        l[i * T + t] = y[from + i][t];
      }
    return new DataSet(Nd4j.create(f, new long[] {rows, T}, 'c'), Nd4j.create(l, new long[] {rows, T, 1}, 'c'));
  }

  static int[] window(byte[] text, int p, int len) {
    int[] w = new int[len];
    for (int i = 0; i < len; i++) w[i] = text[p + i] & 0xff;
    return w;
  }

  /** tinyshakespeare from shared/data when present, else the Europarl text that Maven ships; as bytes (V=256). */
  static byte[] corpusBytes() throws IOException {
    Path shakespeare = Path.of(System.getProperty("shared.data", "../shared/data"), "tinyshakespeare", "input.txt");
    if (Files.isRegularFile(shakespeare)) {
      corpus = "tinyshakespeare";
      return Files.readAllBytes(shakespeare);
    }
    corpus = "europarl (first 400 debates)";
    StringBuilder sb = new StringBuilder();
    for (EuroparlCorpus.Debate d : EuroparlCorpus.read(400)) sb.append(d.body()).append('\n');
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
