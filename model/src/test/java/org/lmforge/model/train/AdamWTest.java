package org.lmforge.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * AdamW against PyTorch 1.13's {@code torch.optim.AdamW}: the expected parameters were printed by
 * PyTorch itself (lr 0.01, betas (0.9, 0.95), eps 1e-8, weight decay 0.1 on a "decay" parameter
 * group and 0 on a "no decay" group, three steps with the gradients below), not computed by the
 * code under test.
 */
class AdamWTest {
  static final double[] START = {0.5, -1.25, 2.0, 0.03125, -0.75, 1.5};
  static final double[] MASK = {1, 1, 0, 1, 0, 1};
  static final double[][] GRADS = {
    {0.1, -0.2, 0.3, -0.4, 0.5, -0.6},
    {1.0, 0.0, -1.0, 2.0, -2.0, 0.5},
    {-0.3, 0.7, 0.2, -0.1, 0.05, 3.0}
  };
  static final double[] TORCH_FLOAT64 = {
    0.47641239358204845,
    -1.234116705533644,
    1.9979013943056452,
    0.030914514051784265,
    -0.7502894641959971,
    1.4998925843009732
  };
  static final double[] TORCH_FLOAT32 = {
    0.4764123857021332,
    -1.234116792678833,
    1.997901439666748,
    0.030914515256881714,
    -0.7502894997596741,
    1.4998925924301147
  };

  /** Each path through the update, the PyTorch figures it must give and how close its type gets. */
  static Stream<Arguments> paths() {
    return Stream.of(
        Arguments.of("double precision", DataType.DOUBLE, false, TORCH_FLOAT64, 1e-12),
        Arguments.of("single precision", DataType.FLOAT, false, TORCH_FLOAT32, 2e-7),
        // fp16 vectors take the unfused path through ND4J ops; fp16 rounding of the inputs bounds
        // the agreement
        Arguments.of("half precision, unfused", DataType.HALF, false, TORCH_FLOAT32, 2e-3),
        // the model's parameters and gradients are views into flat buffers: the update must land on
        // the view's elements
        Arguments.of("views of a larger buffer", DataType.FLOAT, true, TORCH_FLOAT32, 2e-7));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paths")
  void matchesPyTorch(
      String path, DataType type, boolean views, double[] expected, double tolerance) {
    assertArrayEquals(expected, threeSteps(type, views), tolerance);
  }

  @Test
  void aGradientScaleEqualsScalingTheGradientFirst() {
    INDArray mask = Nd4j.createFromArray(MASK).castTo(DataType.FLOAT);
    AdamW scaled = new AdamW(6, mask, 0.9, 0.95, 1e-8, 0.1),
        plain = new AdamW(6, mask, 0.9, 0.95, 1e-8, 0.1);
    INDArray p = Nd4j.createFromArray(START).castTo(DataType.FLOAT), q = p.dup();
    for (double[] g : GRADS) {
      INDArray sum =
          Nd4j.createFromArray(g).castTo(DataType.FLOAT).muli(4); // a sum over 4 replicas
      scaled.update(p, sum, 0.25, 0.01);
      plain.update(q, sum.div(4), 0.01);
      assertArrayEquals(
          Nd4j.createFromArray(g).castTo(DataType.FLOAT).muli(4).toDoubleVector(),
          sum.toDoubleVector(),
          "the gradient is left unchanged");
    }
    assertArrayEquals(q.toDoubleVector(), p.toDoubleVector(), 1e-7);
  }

  @Test
  void aMillionParametersAcrossChunksEqualElementByElementUpdates() {
    // the parallel chunks must neither skip nor repeat elements: compare with six-element updates
    // of slices
    int n = 1_000_003;
    INDArray mask = Nd4j.zeros(DataType.FLOAT, n),
        p = Nd4j.zeros(DataType.FLOAT, n),
        g = Nd4j.zeros(DataType.FLOAT, n);
    for (int i = 0; i < n; i++) {
      mask.putScalar(i, MASK[i % 6]);
      p.putScalar(i, START[i % 6] + i * 1e-6);
      g.putScalar(i, GRADS[0][i % 6]);
    }
    INDArray before = p.dup();
    new AdamW(n, mask, 0.9, 0.95, 1e-8, 0.1).update(p, g, 0.01);
    for (int i : new int[] {0, 5, 262_143, 262_144, 524_289, 999_999, 1_000_002}) {
      INDArray one = Nd4j.createFromArray((float) before.getDouble(i));
      new AdamW(1, Nd4j.createFromArray((float) MASK[i % 6]), 0.9, 0.95, 1e-8, 0.1)
          .update(one, Nd4j.createFromArray((float) GRADS[0][i % 6]), 0.01);
      assertEquals(one.getDouble(0), p.getDouble(i), 0.0, "element " + i);
    }
  }

  private static double[] threeSteps(DataType type, boolean asViews) {
    INDArray mask = vector(MASK, type, asViews);
    INDArray params = vector(START, type, asViews);
    AdamW opt = new AdamW(6, mask, 0.9, 0.95, 1e-8, 0.1);
    for (double[] g : GRADS) opt.update(params, vector(g, type, asViews), 0.01);
    if (asViews) {
      // the elements around the view are another array's: untouched
      INDArray whole =
          Nd4j.create(params.data().originalDataBuffer(), new long[] {12}).castTo(DataType.DOUBLE);
      assertArrayEquals(
          new double[] {7, 7, 7}, whole.get(NDArrayIndex.interval(0, 3)).toDoubleVector());
      assertArrayEquals(
          new double[] {7, 7, 7}, whole.get(NDArrayIndex.interval(9, 12)).toDoubleVector());
    }
    return params.castTo(DataType.DOUBLE).toDoubleVector();
  }

  /** The values as a vector of their own, or as elements 3..8 of a 12-element buffer. */
  private static INDArray vector(double[] values, DataType type, boolean asView) {
    INDArray v = Nd4j.createFromArray(values).castTo(type);
    if (!asView) return v;
    INDArray big = Nd4j.valueArrayOf(new long[] {12}, 7.0, type);
    INDArray view = big.get(NDArrayIndex.interval(3, 9));
    view.assign(v);
    return view;
  }
}
