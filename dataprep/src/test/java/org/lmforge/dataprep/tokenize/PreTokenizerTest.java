package org.lmforge.dataprep.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The byte scanner must split exactly like GPT-2's regex, and cover every byte of any input once.
 */
class PreTokenizerTest {

  static List<String> byRegex(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = PreTokenizer.GPT2_PATTERN.matcher(text);
    while (m.find()) out.add(m.group());
    return out;
  }

  @Test
  void knownSplits() {
    assertEquals(
        List.of("Hello", ",", " world", "'s", " 123", "  ", " !!", "\n\n"),
        PreTokenizer.split("Hello, world's 123   !!\n\n"));
    assertEquals(
        List.of("a", "  ", " b", "\t", "c", " ", "\u00a0", "d"),
        PreTokenizer.split("a   b\tc \u00a0d"));
  }

  @Test
  void matchesRegexOnEuroparlAllLanguages() {
    for (byte[] line : TestCorpora.europarlLines()) {
      String text = new String(line, StandardCharsets.UTF_8);
      assertEquals(byRegex(text), PreTokenizer.split(text), () -> "line: " + text);
    }
  }

  @Test
  void matchesRegexOnShakespeare() {
    String text = TestCorpora.tinyShakespeare();
    Assumptions.assumeTrue(text != null, "tinyshakespeare not in shared data");
    assertEquals(byRegex(text), PreTokenizer.split(text));
  }

  /** Characters where the regex's classes meet: every branch of the scanner. */
  private static final int[] PALETTE = {
    ' ', ' ', ' ', '\t', '\n', '\r', 0x0B, 0x0C, 0x1C, 0x85, 0xA0, 0x1680, 0x2007, 0x2028, 0x202F,
    0x3000, 0x200B, 'a', 'Z', 's', 't', 'r', 'e', 'v', 'l', 'm', 'd', 'S', 0xE9, 0x3B1, 0x4E2D,
    0x02B0, 0x1F0, 0x10400, '0', '9', 0x663, 0x2163, 0xBD, 0x1D7CE, '\'', '\'', 0x2019, '!', '.',
    '-', 0x301, 0x1F44D, 0x1F3FD, 0x200D, 0xFFFD, 0x7F, 0
  };

  @Test
  void matchesRegexOnRandomStrings() {
    Random rnd = new Random(42);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = rnd.nextInt(24);
      for (int i = 0; i < len; i++) sb.appendCodePoint(PALETTE[rnd.nextInt(PALETTE.length)]);
      String s = sb.toString();
      assertEquals(
          byRegex(s),
          PreTokenizer.split(s),
          () -> "input: " + s.codePoints().mapToObj(Integer::toHexString).toList());
    }
  }

  @Test
  void coversEveryByteOfRandomBytes() {
    Random rnd = new Random(7);
    for (int n = 0; n < 5_000; n++) {
      byte[] b = new byte[rnd.nextInt(64)];
      rnd.nextBytes(b);
      ByteArrayOutputStream joined = new ByteArrayOutputStream();
      int[] last = {0};
      PreTokenizer.split(
          b,
          0,
          b.length,
          (s, e) -> {
            assertEquals(last[0], s, "pieces must be contiguous");
            assertTrue(e > s, "pieces must not be empty");
            joined.write(b, s, e - s);
            last[0] = e;
          });
      assertArrayEquals(b, joined.toByteArray());
    }
  }
}
