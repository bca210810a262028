package org.lmforge.model.proto;
import org.lmforge.model.gpt.*;
import org.lmforge.model.eval.Evaluator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import java.util.*;
public class GradDbg {
  public static void main(String[] a) {
    GptConfig c = new GptConfig(11, 8, 2, 2, 8, 0, GptConfig.Positional.LEARNED, false);
    Gpt g = new Gpt(c, 7, DataType.DOUBLE);
    SplittableRandom r = new SplittableRandom(3);
    int B = Integer.parseInt(a[0]);
    int[][] x = new int[B][8], y = new int[B][8];
    for (int i = 0; i < B; i++) for (int t = 0; t < 8; t++) { x[i][t] = r.nextInt(11); y[i][t] = r.nextInt(11); }
    g.computeGradient(x, y, false); if (a.length > 1) g.computeGradient(x, y, false);
    INDArray grad = g.gradients().dup();
    INDArray p = g.params();
    long off = 0;
    for (String s : g.parameterLayout()) {
      String name = s.split(":")[0]; long n = Long.parseLong(s.split(":")[1]);
      long i = off + n / 2;
      double orig = p.getDouble(i); double eps = 1e-6;
      p.putScalar(i, orig + eps); g.tieWeights(); double up = Evaluator.crossEntropySum(g, x, y) / (B * 8);
      p.putScalar(i, orig - eps); g.tieWeights(); double dn = Evaluator.crossEntropySum(g, x, y) / (B * 8);
      p.putScalar(i, orig); g.tieWeights();
      double num = (up - dn) / (2 * eps);
      System.out.printf("%-16s num %.6e ana %.6e ratio %.3f%n", name, num, grad.getDouble(i), grad.getDouble(i) / num);
      off += n;
    }
  }
}
