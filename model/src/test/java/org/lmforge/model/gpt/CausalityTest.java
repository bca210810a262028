package org.lmforge.model.gpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class CausalityTest {
  @EachVariant
  void changingTokenTChangesNoOutputBeforeT(String variant) {
    GptConfig c = TestModels.config(variant, 20, 16, 2, 4, 16);
    Gpt g = new Gpt(c, 5, DataType.DOUBLE);
    int[][] a = new int[1][16];
    for (int t = 0; t < 16; t++) a[0][t] = (t * 7) % 20;
    INDArray pa = g.probabilities(a).dup();
    int changed = 9;
    int[][] b = {a[0].clone()};
    b[0][changed] = (a[0][changed] + 3) % 20;
    INDArray pb = g.probabilities(b);
    for (int t = 0; t < 16; t++) {
      double diff =
          pa.get(
                  org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                  org.nd4j.linalg.indexing.NDArrayIndex.point(t))
              .sub(
                  pb.get(
                      org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                      org.nd4j.linalg.indexing.NDArrayIndex.point(t)))
              .amaxNumber()
              .doubleValue();
      if (t < changed)
        assertEquals(0.0, diff, 1e-12, "position " + t + " saw the future token " + changed);
      else assertTrue(diff > 1e-6, "position " + t + " should depend on token " + changed);
    }
  }
}
