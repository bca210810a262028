package org.lmforge.dataprep.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our encoder with GPT-2's ranks must give GPT-2's ids: published examples and JTokkit on real
 * text.
 */
class Gpt2CompatTest {
  static BpeTokenizer gpt2;
  static Encoding jtokkit;

  @BeforeAll
  static void load() {
    gpt2 = TokenizerFiles.gpt2FromClasspath();
    jtokkit = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.R50K_BASE);
  }

  @Test
  void publishedGpt2Ids() {
    assertEquals(50257, gpt2.vocabSize());
    assertEquals(50256, gpt2.endOfTextId());
    assertArrayEquals(new int[] {15496, 995}, gpt2.encode("Hello world"));
    // " the" and "," are among GPT-2's most frequent tokens: 262 and 11.
    assertArrayEquals(new int[] {262}, gpt2.encode(" the"));
    assertArrayEquals(new int[] {11}, gpt2.encode(","));
    assertArrayEquals(new int[] {0}, gpt2.encode("!"));
  }

  @Test
  void matchesJtokkitOnEuroparlAllLanguages() {
    int lines = 0;
    for (byte[] line : TestCorpora.europarlLines()) {
      if (lines++ % 4 != 0) continue; // a quarter of the 17.6k lines keeps the test a few seconds
      String text = TestCorpora.text(line);
      assertEquals(
          toList(jtokkit.encodeOrdinary(text).toArray()),
          toList(gpt2.encode(text)),
          () -> "line: " + text);
    }
  }

  @Test
  void matchesJtokkitOnShakespeare() {
    String text = TestCorpora.tinyShakespeare();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        text != null, "tinyshakespeare not in shared data");
    String part = text.substring(0, 300_000);
    assertEquals(toList(jtokkit.encodeOrdinary(part).toArray()), toList(gpt2.encode(part)));
  }

  @Test
  void matchesJtokkitOnEmojiWhitespaceAndDigits() {
    String text =
        "Ünïcödé 👍🏽 família 🇪🇺  tabs\t\tand   spaces \n\n\n 12345 ½ Ⅻ it's THEY'RE we'll 'd\u00a0nbsp\u3000x";
    assertEquals(toList(jtokkit.encodeOrdinary(text).toArray()), toList(gpt2.encode(text)));
  }

  static List<Integer> toList(int[] a) {
    return java.util.Arrays.stream(a).boxed().toList();
  }
}
