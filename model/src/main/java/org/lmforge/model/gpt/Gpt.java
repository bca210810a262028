package org.lmforge.model.gpt;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The GPT as a DL4J {@link ComputationGraph}: {@code wte} (EmbeddingSequenceLayer, V->d) -> {@code
 * wpe} (learned positions, absent for ALiBi) -> {@code block0..block(L-1)} -> {@code ln_f} ->
 * {@code head} (RnnOutputLayer, softmax + sparse cross-entropy). All activations are [B,T,d] (NWC).
 *
 * <p><b>Tied head.</b> DL4J cannot share one parameter between two layers, so {@code head.W} [d,V]
 * is kept equal to {@code wte.W}ᵀ: they start equal, {@link #tieGradients} sums both gradients into
 * both copies, and the optimiser sees identical gradients and state for both, so they stay equal
 * (checked by {@link #tyingError()}). Mathematically this is one shared matrix; {@link
 * GptConfig#parameterCount()} counts it once.
 *
 * <p>The flat parameter and gradient vectors ({@link #params()}, {@link #gradients()}) are views
 * into the network; the trainer's AdamW and a data-parallel all-reduce work on them directly.
 */
public final class Gpt {
  public static final String WTE = "wte", WPE = "wpe", LN_F = "ln_f", HEAD = "head";

  private final GptConfig config;
  private final ComputationGraph net;

  static {
    SameDiffChatter.silence();
  }

  public Gpt(GptConfig config, long seed) {
    this(config, seed, DataType.FLOAT);
  }

  public Gpt(GptConfig config, long seed, DataType type) {
    this(config, seed, type, false);
  }

  /**
   * The same model with its layers run as SameDiff graphs (DL4J's automatic differentiation)
   * instead of the hand-written forward/backward passes: the independent reference the tests
   * compare gradients against. Same parameters for the same seed; about 60 ms slower per step.
   */
  public static Gpt autodiffReference(GptConfig config, long seed, DataType type) {
    return new Gpt(config, seed, type, true);
  }

  private Gpt(GptConfig config, long seed, DataType type, boolean autodiff) {
    this.config = config;
    Nd4j.getRandom().setSeed(seed);
    this.net = new ComputationGraph(configuration(config, seed, type, autodiff));
    net.init();
    tieWeights();
  }

  /** The DL4J graph configuration; it survives the JSON round trip that Spark training needs. */
  public static ComputationGraphConfiguration configuration(GptConfig c, long seed, DataType type) {
    return configuration(c, seed, type, false);
  }

  private static ComputationGraphConfiguration configuration(
      GptConfig c, long seed, DataType type, boolean autodiff) {
    if (c.vocabSize() == GptConfig.VOCAB_FROM_TOKENS) {
      throw new IllegalArgumentException(
          "vocabSize 0 (the tokenizer's) must be resolved before a network is built: "
              + "GptConfig.withVocabSize(the shards' vocabulary)");
    }
    // A Dropout object keeps its layer's mask between forward and backward, so each layer gets its
    // own; DL4J takes
    // the RETAIN probability. (Until the layers were hand-written, SameDiff layers silently ignored
    // dropout.)
    double retain = 1.0 - c.dropout();
    boolean drop = c.dropout() > 0;
    ComputationGraphConfiguration.GraphBuilder g =
        new NeuralNetConfiguration.Builder()
            .seed(seed)
            .dataType(type)
            .updater(
                new Sgd(0.0)) // never used: the trainer applies its own AdamW to the flat vectors
            .trainingWorkspaceMode(WorkspaceMode.ENABLED)
            .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
            .graphBuilder()
            .addInputs("tokens");
    // NWC keeps [B,T,d] all the way, so blocks need no permute at their boundaries; no input types
    // are set
    // because that makes EmbeddingSequenceLayer infer nIn=1 (see shared notes).
    g.addLayer(WTE, TokenEmbeddingLayer.of(c, autodiff), "tokens");
    String prev = WTE;
    if (c.positional() == GptConfig.Positional.LEARNED) {
      PositionEmbeddingLayer wpe = new PositionEmbeddingLayer(c);
      wpe.setAutodiff(autodiff);
      g.addLayer(WPE, wpe, prev);
      prev = WPE;
    }
    for (int i = 0; i < c.nLayer(); i++) {
      GptBlockLayer block = new GptBlockLayer(c);
      block.setAutodiff(autodiff);
      if (drop)
        block.setIDropout(
            new Dropout(retain)); // inverted dropout on the residual stream entering the block
      g.addLayer(blockName(i), block, prev);
      prev = blockName(i);
    }
    FinalNormLayer lnf = new FinalNormLayer(c);
    lnf.setAutodiff(autodiff);
    if (drop) lnf.setIDropout(new Dropout(retain));
    g.addLayer(LN_F, lnf, prev);
    g.addLayer(HEAD, HeadLayer.of(c, autodiff), LN_F);
    g.setOutputs(HEAD);
    return g.build();
  }

  public static String blockName(int i) {
    return "block" + i;
  }

  public GptConfig config() {
    return config;
  }

  public ComputationGraph net() {
    return net;
  }

  /**
   * Flat parameter vector (a view: writing it changes the model). Includes the head copy of wte.
   */
  public INDArray params() {
    return net.params().reshape(net.numParams());
  }

  /** Flat gradient vector, same layout as {@link #params()}; filled by {@link #computeGradient}. */
  public INDArray gradients() {
    return net.getGradientsViewArray().reshape(net.numParams());
  }

  /**
   * Length of the flat vectors: {@link GptConfig#parameterCount()} plus the V·d head copy and V
   * frozen head biases.
   */
  public long flatLength() {
    return net.numParams();
  }

  /** Token ids [B][T] as the float [B,T] array DL4J's embedding layer reads. */
  public INDArray tokensArray(int[][] tokens) {
    int b = tokens.length, t = tokens[0].length;
    if (t > config.contextLength())
      throw new IllegalArgumentException(
          "sequence length "
              + t
              + " is longer than the model's context "
              + config.contextLength()
              + " (the positions table / attention mask size); truncate to the last "
              + config.contextLength()
              + " tokens");
    if (t != config.contextLength())
      throw new IllegalArgumentException(
          "sequence length "
              + t
              + " != contextLength "
              + config.contextLength()
              + ": the graph is built for full-length sequences; pad on the right (causality keeps the prefix exact)");
    float[] flat = new float[b * t];
    for (int i = 0; i < b; i++) {
      if (tokens[i].length != t)
        throw new IllegalArgumentException(
            "ragged batch: row " + i + " has " + tokens[i].length + " tokens, row 0 has " + t);
      for (int j = 0; j < t; j++) {
        int id = tokens[i][j];
        if (id < 0 || id >= config.vocabSize())
          throw new IllegalArgumentException(
              "token id "
                  + id
                  + " at ["
                  + i
                  + ","
                  + j
                  + "] outside vocab [0,"
                  + config.vocabSize()
                  + ")");
        flat[i * t + j] = id;
      }
    }
    return Nd4j.create(flat, new long[] {b, t}, 'c').castTo(net.params().dataType());
  }

  /** Targets as the [B,T,1] index array sparse cross-entropy reads in NWC layout. */
  public INDArray targetsArray(int[][] targets) {
    int b = targets.length, t = targets[0].length;
    float[] flat = new float[b * t];
    for (int i = 0; i < b; i++) for (int j = 0; j < t; j++) flat[i * t + j] = targets[i][j];
    return Nd4j.create(flat, new long[] {b, t, 1}, 'c').castTo(net.params().dataType());
  }

  /**
   * Forward + backward on one micro-batch: fills {@link #gradients()} with the gradient of the MEAN
   * per-token cross-entropy (tied copies summed) and returns that mean loss in nats.
   */
  public double computeGradient(int[][] x, int[][] y, boolean training) {
    INDArray in = tokensArray(x), labels = targetsArray(y);
    net.setInputs(in);
    net.setLabels(labels);
    net.computeGradientAndScore();
    net.clear(); // drop the graph's references to this batch, then free it now rather than at some
    // later GC
    release(in);
    release(labels);
    // DL4J's RNN score is summed over time steps and averaged over the batch, its gradient summed
    // over both:
    // divide by B·T for the mean per-token loss.
    double t = x[0].length;
    gradients().divi(t * x.length);
    undoSameDiffLayerDoubling();
    tieGradients();
    return net.score() / t;
  }

  /**
   * Next-token probabilities [B,T,V] (inference mode: no dropout). The caller may {@link #release}
   * it.
   */
  public INDArray probabilities(int[][] x) {
    INDArray in = tokensArray(x);
    INDArray p = net.outputSingle(false, in);
    release(in);
    return p;
  }

  /**
   * Frees an array's off-heap buffer now. Arrays made outside DL4J's workspaces are otherwise freed
   * only when the GC collects their small Java wrappers, which with a mostly idle heap can be
   * thousands of steps later.
   */
  public static void release(INDArray a) {
    if (a != null && !a.wasClosed() && a.closeable()) a.close();
  }

  /**
   * In DL4J 1.0.0-M2.1 every SameDiffLayer returns twice the true gradient, both for its parameters
   * and for the epsilon it passes down, so layer k (counting SameDiffLayers from the output) sees
   * 2^k times the truth (found by finite differences, see GradientCheckTest). Only the {@link
   * #autodiffReference} runs SameDiff layers; the hand-written layers ({@link NativeLayer}) are
   * exact, so for them this divides by 1. Adam would hide a per-layer constant, but clipping, the
   * gradient norm and any all-reduce must see the true gradient, so it is divided out here. The
   * embedding sits below all N SameDiffLayers; the head (a native layer) is exact.
   */
  private void undoSameDiffLayerDoubling() {
    INDArray g = gradients();
    org.deeplearning4j.nn.api.Layer[] layers = net.getLayers();
    int sameDiffBelowOutput = 0;
    for (int i = layers.length - 1; i >= 0; i--) {
      org.deeplearning4j.nn.api.Layer l = layers[i];
      boolean sd = l.getClass() == org.deeplearning4j.nn.layers.samediff.SameDiffLayer.class;
      if (sd) sameDiffBelowOutput++;
      if (!sd && !l.conf().getLayer().getLayerName().equals(WTE)) continue;
      long off =
          offsetOf(l.conf().getLayer().getLayerName(), l.paramTable().keySet().iterator().next());
      g.get(NDArrayIndex.interval(off, off + l.numParams())).divi(Math.pow(2, sameDiffBelowOutput));
    }
  }

  /** Sums d loss/d wte and d loss/d headᵀ into both copies so that they receive the same update. */
  public void tieGradients() {
    INDArray gEmb = gradientView(WTE);
    INDArray gHead = gradientView(HEAD);
    gEmb.addi(gHead.transpose());
    gHead.assign(gEmb.transpose());
    headBiasGradient().assign(0.0);
  }

  // RnnOutputLayer.activate adds its bias even with hasBias(false) (NPE in 1.0.0-M2.1), so the head
  // keeps a
  // bias that starts at zero and whose gradient is always zeroed: frozen at 0, i.e. GPT-2's
  // bias-free head.
  private INDArray headBiasGradient() {
    long off = offsetOf(HEAD, "b");
    return gradients().get(NDArrayIndex.interval(off, off + config.vocabSize()));
  }

  /** Copies wte into the head (done once after init and after loading parameters). */
  public void tieWeights() {
    net.getLayer(HEAD).getParam("W").assign(net.getLayer(WTE).getParam("W").transpose());
  }

  /**
   * L2 norm of a flat gradient counting the tied matrix once (the head copy holds the same numbers
   * as wte).
   */
  public double gradientNorm(INDArray flatGrad) {
    long off = offsetOf(HEAD, "W"), end = off + (long) config.dModel() * config.vocabSize();
    return Math.sqrt(
        squaredSum(flatGrad.get(NDArrayIndex.interval(0, off)))
            + squaredSum(flatGrad.get(NDArrayIndex.interval(end, flatGrad.length()))));
  }

  // BLAS dot of a vector with itself: 15-50 us for 300k floats where ND4J's norm2 reduction takes
  // ~400 us
  private static double squaredSum(INDArray v) {
    if (v.length() == 0) return 0;
    DataType t = v.dataType();
    if (t != DataType.FLOAT && t != DataType.DOUBLE)
      return Math.pow(v.norm2Number().doubleValue(), 2);
    return Nd4j.getBlasWrapper().dot(v, v);
  }

  /** Max |wte - headᵀ|: 0 while tying holds. */
  public double tyingError() {
    return net.getLayer(HEAD)
        .getParam("W")
        .transpose()
        .sub(net.getLayer(WTE).getParam("W"))
        .amaxNumber()
        .doubleValue();
  }

  /**
   * The [rows,cols] 'f'-order slice of the flat gradient vector holding layer's weight matrix W.
   */
  private INDArray gradientView(String layer) {
    long[] shape = net.getLayer(layer).getParam("W").shape();
    long off = offsetOf(layer, "W");
    INDArray v =
        gradients().get(NDArrayIndex.interval(off, off + shape[0] * shape[1])).reshape('f', shape);
    if (!v.isView())
      throw new IllegalStateException(
          "gradient slice of " + layer + " is a copy, tying would be lost");
    return v;
  }

  /**
   * Position of parameter {@code layer_key} in the flat vectors (DL4J lays layers out in
   * topological order).
   */
  public long offsetOf(String layer, String key) {
    long off = 0;
    for (org.deeplearning4j.nn.api.Layer l : net.getLayers())
      for (var e : l.paramTable().entrySet()) {
        if (l.conf().getLayer().getLayerName().equals(layer) && e.getKey().equals(key)) return off;
        off += e.getValue().length();
      }
    throw new IllegalArgumentException("no parameter " + layer + "_" + key);
  }

  /**
   * A [flatLength] mask with 1 where AdamW applies weight decay: the 2-D matmul weights of the
   * blocks. LayerNorm gains/biases, all biases and the (tied) embeddings and positions get none, as
   * in GPT-2/nanoGPT.
   */
  public INDArray decayMask() {
    INDArray mask = Nd4j.zeros(net.params().dataType(), flatLength());
    long off = 0;
    for (org.deeplearning4j.nn.api.Layer l : net.getLayers()) {
      String name = l.conf().getLayer().getLayerName();
      for (var e : l.paramTable().entrySet()) {
        long n = e.getValue().length();
        boolean decay =
            name.startsWith("block")
                && List.of(
                        GptBlockLayer.WQ,
                        GptBlockLayer.WK,
                        GptBlockLayer.WV,
                        GptBlockLayer.WO,
                        GptBlockLayer.W1,
                        GptBlockLayer.W2)
                    .contains(e.getKey());
        if (decay) mask.get(NDArrayIndex.interval(off, off + n)).assign(1.0);
        off += n;
      }
    }
    if (off != flatLength())
      throw new IllegalStateException("parameter walk covered " + off + " of " + flatLength());
    return mask;
  }

  /**
   * Names of parameters in flat-vector order, with lengths ("block0_wq:16384"), to describe
   * checkpoints.
   */
  public List<String> parameterLayout() {
    List<String> out = new ArrayList<>();
    for (org.deeplearning4j.nn.api.Layer l : net.getLayers())
      for (var e : l.paramTable().entrySet())
        out.add(
            l.conf().getLayer().getLayerName() + "_" + e.getKey() + ":" + e.getValue().length());
    return out;
  }
}
