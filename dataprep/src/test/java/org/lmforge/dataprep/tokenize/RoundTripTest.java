package org.lmforge.dataprep.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * decodeBytes(encode(x)) == x for real multilingual text, emoji and arbitrary bytes, with two
 * vocabularies.
 */
class RoundTripTest {

  static List<BpeTokenizer> tokenizers() {
    return List.of(TestTokenizers.gpt2(), TestTokenizers.small());
  }

  @Test
  void europarlLinesWholeAndCutMidCharacter() {
    Random rnd = new Random(11);
    List<byte[]> lines = TestCorpora.europarlLines();
    int invalid = 0;
    for (int i = 0; i < lines.size(); i += 3) {
      byte[] line = lines.get(i);
      // a prefix cut at a random byte: in 20 languages often mid-character, so real invalid UTF-8
      // at the end
      byte[] cut = java.util.Arrays.copyOf(line, rnd.nextInt(line.length + 1));
      if (!isValidUtf8(cut)) invalid++;
      for (BpeTokenizer tok : tokenizers()) {
        assertArrayEquals(line, tok.decodeBytes(tok.encode(line)));
        assertArrayEquals(cut, tok.decodeBytes(tok.encode(cut)));
      }
    }
    assertTrue(invalid > 100, "expected many cuts inside a multi-byte character, got " + invalid);
  }

  @Test
  void shakespeareAndEmoji() {
    String text = TestCorpora.tinyShakespeare();
    Assumptions.assumeTrue(text != null, "tinyshakespeare not in shared data");
    String emoji = "👍🏽 👨‍👩‍👧‍👦 🇪🇺 ñ Ωμέγα 中文 العربية \u0000\u007f\uFEFF";
    for (BpeTokenizer tok : tokenizers()) {
      assertEquals(text, tok.decode(tok.encode(text)));
      assertEquals(emoji, tok.decode(tok.encode(emoji)));
    }
  }

  @Test
  void randomBytes() {
    Random rnd = new Random(20240520);
    String pieces = "the and ünd 中 👍 's  \n\t0123";
    byte[] alphabet = pieces.getBytes(StandardCharsets.UTF_8);
    for (int n = 0; n < 5_000; n++) {
      byte[] b = new byte[rnd.nextInt(300)];
      // half the cases: uniform bytes (mostly invalid UTF-8); the rest: bytes of text fragments,
      // cut anywhere
      if (n % 2 == 0) rnd.nextBytes(b);
      else for (int i = 0; i < b.length; i++) b[i] = alphabet[rnd.nextInt(alphabet.length)];
      for (BpeTokenizer tok : tokenizers()) {
        int[] ids = tok.encode(b);
        assertArrayEquals(b, tok.decodeBytes(ids));
        for (int id : ids) assertTrue(id >= 0 && id < tok.vocabSize());
      }
    }
  }

  @Test
  void longPiecesMergeLikeShortOnes() {
    Random rnd = new Random(3);
    BpeTokenizer tok = TestTokenizers.gpt2();
    for (int n = 0; n < 200; n++) {
      int len = PieceMerger.LARGE_PIECE + 1 + rnd.nextInt(2000);
      StringBuilder sb = new StringBuilder();
      String letters = n % 3 == 0 ? "aaaab" : n % 3 == 1 ? "etaoinshrdlu" : "éàü";
      while (sb.length() < len) sb.append(letters.charAt(rnd.nextInt(letters.length())));
      byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
      assertArrayEquals(
          tok.merger().bpeSmall(b, 0, b.length), tok.merger().bpeLarge(b, 0, b.length));
    }
  }

  @Test
  void concurrentEncodingAgreesWithSequential() throws Exception {
    BpeTokenizer tok = TestTokenizers.small();
    List<byte[]> lines = TestCorpora.europarlLines().subList(0, 2000);
    int[][] expected = new int[lines.size()][];
    for (int i = 0; i < lines.size(); i++) expected[i] = tok.encode(lines.get(i));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> fs = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        fs.add(
            pool.submit(
                () -> {
                  for (int k = 0; k < lines.size(); k++) {
                    int i = (k * 7 + offset * 501) % lines.size();
                    assertArrayEquals(expected[i], tok.encode(lines.get(i)));
                  }
                }));
      }
      for (Future<?> f : fs) f.get();
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void javaSerializationShipsTheVocabulary() throws Exception {
    BpeTokenizer tok = TestTokenizers.small();
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(buf)) {
      out.writeObject(tok);
    }
    BpeTokenizer back =
        (BpeTokenizer)
            new ObjectInputStream(new ByteArrayInputStream(buf.toByteArray())).readObject();
    assertEquals(tok.sha256(), back.sha256());
    String text = TestCorpora.text(TestCorpora.europarlLines().get(5));
    assertArrayEquals(tok.encode(text), back.encode(text));
  }

  @Test
  void unknownIdIsANamedError() {
    BpeTokenizer tok = TestTokenizers.small();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> tok.decodeBytes(new int[] {5, 2000}));
    assertTrue(
        e.getMessage().contains("2000") && e.getMessage().contains("size 2000"), e.getMessage());
  }

  @Test
  void specialTokenTextIsNotTheSpecialId() {
    BpeTokenizer tok = TestTokenizers.gpt2();
    int[] ids = tok.encode("a<|endoftext|>b");
    for (int id : ids) assertTrue(id != tok.endOfTextId());
    assertEquals("<|endoftext|>", tok.decode(new int[] {tok.endOfTextId()}));
  }

  private static boolean isValidUtf8(byte[] b) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }
}
