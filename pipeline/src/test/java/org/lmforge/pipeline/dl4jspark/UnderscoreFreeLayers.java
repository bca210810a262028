package org.lmforge.pipeline.dl4jspark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.samediff.AbstractSameDiffLayer;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.lmforge.model.gpt.FinalNormLayer;
import org.lmforge.model.gpt.GptBlockLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Test-only stand-ins, run as SameDiff graphs, for {@link GptBlockLayer} and {@link FinalNormLayer}
 * whose parameter keys have no '_' ({@code ln1_g} becomes {@code ln1g}, {@code lnf_b} becomes
 * {@code lnfb}); same maths, same shapes, same flat layout.
 *
 * <p>Why: DL4J's own updater ({@code BaseMultiLayerUpdater.update}, 1.0.0-M2.1) finds the layer of
 * a gradient key such as {@code block0_ln1_g} by cutting at the LAST '_', gets "block0_ln1", finds
 * no such layer and throws a NullPointerException in {@code preApply}. So {@code
 * ComputationGraph.fit} and every DL4J training master (whose workers call fit) cannot train {@code
 * Gpt.configuration} as it is; the project's Trainer never calls DL4J's updater and is unaffected.
 */
public final class UnderscoreFreeLayers {
  private UnderscoreFreeLayers() {}

  /**
   * The same configuration with the block and final-norm layers swapped for the stand-ins below.
   */
  public static ComputationGraphConfiguration of(ComputationGraphConfiguration conf) {
    String json =
        conf.toJson()
            .replace(
                "\"" + GptBlockLayer.class.getName() + "\"", "\"" + Block.class.getName() + "\"")
            .replace(
                "\"" + FinalNormLayer.class.getName() + "\"",
                "\"" + FinalNorm.class.getName() + "\"");
    ComputationGraphConfiguration out = ComputationGraphConfiguration.fromJson(json);
    for (GraphVertex v : out.getVertices().values())
      if (v instanceof LayerVertex lv
          && lv.getLayerConf().getLayer() instanceof AbstractSameDiffLayer l) {
        l.setLayerParams(null); // the JSON carried the old keys; re-run defineParameters
        // the hand-written layers read the original keys: run the stand-ins as SameDiff graphs
        // (their defineLayer)
        if (l instanceof GptBlockLayer b) b.setAutodiff(true);
        if (l instanceof FinalNormLayer f) f.setAutodiff(true);
      }
    return ComputationGraphConfiguration.fromJson(out.toJson());
  }

  public static class Block extends GptBlockLayer {
    public Block() {}

    @Override
    public void defineParameters(SDLayerParams p) {
      renamed(p, super::defineParameters);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
      super.initializeParameters(original(params));
    }

    @Override
    public SDVariable defineLayer(
        SameDiff sd, SDVariable x, Map<String, SDVariable> p, SDVariable mask) {
      return super.defineLayer(sd, x, original(p), mask);
    }
  }

  public static class FinalNorm extends FinalNormLayer {
    public FinalNorm() {}

    @Override
    public void defineParameters(SDLayerParams p) {
      renamed(p, super::defineParameters);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
      super.initializeParameters(original(params));
    }

    @Override
    public SDVariable defineLayer(
        SameDiff sd, SDVariable x, Map<String, SDVariable> p, SDVariable mask) {
      return super.defineLayer(sd, x, original(p), mask);
    }
  }

  static String strip(String key) {
    return key.replace("_", "");
  }

  /**
   * Lets the original layer define its parameters, then adds them to p under '_'-free keys, in the
   * same order.
   */
  private static void renamed(SDLayerParams p, java.util.function.Consumer<SDLayerParams> define) {
    SDLayerParams tmp = new SDLayerParams();
    define.accept(tmp);
    tmp.getWeightParams().forEach((k, shape) -> p.addWeightParam(strip(k), shape));
    tmp.getBiasParams().forEach((k, shape) -> p.addBiasParam(strip(k), shape));
  }

  /**
   * The map under the original keys (ln1g -> ln1_g): the original layer's code looks them up by its
   * constants.
   */
  private static <V> Map<String, V> original(Map<String, V> byStripped) {
    Map<String, String> back = new java.util.HashMap<>();
    for (String k :
        new String[] {
          GptBlockLayer.LN1_G,
          GptBlockLayer.LN1_B,
          GptBlockLayer.LN2_G,
          GptBlockLayer.LN2_B,
          FinalNormLayer.G,
          FinalNormLayer.B
        }) back.put(strip(k), k);
    Map<String, V> out = new LinkedHashMap<>();
    byStripped.forEach((k, v) -> out.put(back.getOrDefault(k, k), v));
    return out;
  }
}
