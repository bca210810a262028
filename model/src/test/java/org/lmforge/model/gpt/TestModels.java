package org.lmforge.model.gpt;

import java.util.SplittableRandom;

/** The small models of the exactness tests, named by variant as {@link EachVariant} lists them. */
public final class TestModels {
  private TestModels() {}

  /**
   * A GPT configuration without dropout for a variant {@code "POSITIONAL,multiQuery"}, e.g. {@code
   * "LEARNED,false"} (GPT-2) or {@code "ALIBI,true"} (ALiBi with one shared key/value head).
   */
  public static GptConfig config(
      String variant, int vocab, int context, int layers, int heads, int width) {
    String[] v = variant.split(",");
    return new GptConfig(
        vocab,
        context,
        layers,
        heads,
        width,
        0,
        GptConfig.Positional.valueOf(v[0]),
        Boolean.parseBoolean(v[1]));
  }

  /**
   * Random inputs {@code x} and targets {@code y}: {@code rows} sequences of the configuration's
   * context length, ids drawn below its vocabulary size from {@code r}.
   */
  public record Batch(int[][] x, int[][] y) {
    public static Batch random(GptConfig c, int rows, SplittableRandom r) {
      int[][] x = new int[rows][c.contextLength()], y = new int[rows][c.contextLength()];
      for (int i = 0; i < rows; i++)
        for (int t = 0; t < c.contextLength(); t++) {
          x[i][t] = r.nextInt(c.vocabSize());
          y[i][t] = r.nextInt(c.vocabSize());
        }
      return new Batch(x, y);
    }
  }
}
