package org.lmforge.model.proto;
import org.lmforge.model.gpt.*;
import org.nd4j.linalg.api.buffer.DataType;
public class Speed {
  public static void main(String[] a) {
    GptConfig c = new GptConfig(11, 8, 2, 2, 8, 0, GptConfig.Positional.LEARNED, false);
    Gpt g = new Gpt(c, 7, a.length > 0 ? DataType.DOUBLE : DataType.FLOAT);
    int[][] x = new int[3][8];
    for (int k = 0; k < 5; k++) { long t = System.nanoTime(); for (int i = 0; i < 20; i++) g.probabilities(x); System.out.printf("fwd %.2f ms%n", (System.nanoTime() - t) / 20e6); }
    for (int k = 0; k < 3; k++) { long t = System.nanoTime(); for (int i = 0; i < 20; i++) g.computeGradient(x, x, true); System.out.printf("fwd+bwd %.2f ms%n", (System.nanoTime() - t) / 20e6); }
  }
}
