package org.lmforge.model.gpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The layer configurations keep their settings through DL4J's JSON, as Spark ships them. */
class LayerJsonTest {
  @Test
  void everySettingSurvivesTheJsonRoundTrip() {
    GptConfig c = new GptConfig(50, 16, 3, 4, 32, 0, GptConfig.Positional.ALIBI, true);
    ComputationGraphConfiguration back =
        ComputationGraphConfiguration.fromJson(Gpt.configuration(c, 1, DataType.FLOAT).toJson());
    List<GptBlockLayer> blocks = new ArrayList<>();
    for (GraphVertex v : back.getVertices().values())
      if (v instanceof LayerVertex lv && lv.getLayerConf().getLayer() instanceof GptBlockLayer b)
        blocks.add(b);
    assertEquals(3, blocks.size());
    for (GptBlockLayer b : blocks) {
      assertEquals(32, b.dModel);
      assertEquals(4, b.nHead);
      assertEquals(16, b.contextLength);
      assertEquals(3, b.nLayer);
      assertTrue(b.multiQuery);
      assertTrue(b.alibi);
    }
  }
}
