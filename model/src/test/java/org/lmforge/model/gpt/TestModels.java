package org.lmforge.model.gpt;

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
}
