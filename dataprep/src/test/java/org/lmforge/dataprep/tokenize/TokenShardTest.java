package org.lmforge.dataprep.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenShardTest {

  @Test
  void europarlDocumentsComeBackExactlyWithSeparators() throws IOException {
    BpeTokenizer tok = TestTokenizers.gpt2();
    List<byte[]> lines = TestCorpora.europarlLines().subList(0, 500);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    IntList expected = new IntList(1 << 16);
    long bytes = 0;
    try (TokenShardWriter w = TokenShardWriter.of(buf, tok)) {
      for (byte[] line : lines) {
        String text = TestCorpora.text(line);
        w.addDocument(text, tok);
        expected.add(tok.endOfTextId());
        expected.addAll(tok.encode(text));
        bytes += text.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    assertEquals(
        ShardHeader.SIZE + 2L * expected.size, buf.size(), "uint16 tokens for a 50257 vocabulary");
    try (TokenShardReader r =
        new TokenShardReader(new ByteArrayInputStream(buf.toByteArray()), "mem", tok.vocabSize())) {
      assertEquals(expected.size, r.header().tokenCount());
      assertEquals(bytes, r.header().utf8Bytes());
      assertEquals(500, r.header().documents());
      int[] got = r.readAll();
      assertArrayEquals(expected.toArray(), got);
      // Splitting at the separator gives the documents back.
      int docs = 0;
      int start = 1;
      for (int i = 1; i <= got.length; i++) {
        if (i == got.length || got[i] == tok.endOfTextId()) {
          assertEquals(
              TestCorpora.text(lines.get(docs++)), tok.decode(Arrays.copyOfRange(got, start, i)));
          start = i + 1;
        }
      }
      assertEquals(500, docs);
    }
  }

  @Test
  void largeVocabularyUsesInt32AndCrossesBlocks() throws IOException {
    int vocab = 70_000;
    Random rnd = new Random(5);
    int[] doc = new int[700_000]; // > one 1 MiB block at 4 bytes a token
    for (int i = 0; i < doc.length; i++) doc[i] = rnd.nextInt(vocab - 1);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (TokenShardWriter w = new TokenShardWriter(buf, vocab, vocab - 1)) {
      w.addDocument(doc, 123);
      w.addDocument(new int[] {65_536, 69_998}, 7);
    }
    assertEquals(ShardHeader.SIZE + 4L * (doc.length + 4), buf.size());
    try (TokenShardReader r =
        new TokenShardReader(new ByteArrayInputStream(buf.toByteArray()), "big", vocab)) {
      assertEquals(4, r.header().tokenWidth());
      assertEquals(130, r.header().utf8Bytes());
      int[] got = r.readAll();
      assertEquals(vocab - 1, got[0]);
      assertArrayEquals(doc, Arrays.copyOfRange(got, 1, doc.length + 1));
      assertArrayEquals(
          new int[] {vocab - 1, 65_536, 69_998},
          Arrays.copyOfRange(got, doc.length + 1, got.length));
    }
  }

  @Test
  void vocabularyMismatchNamesBothSizes() throws IOException {
    byte[] shard = smallShard(50_257);
    ShardFormatException e =
        assertThrows(
            ShardFormatException.class,
            () -> new TokenShardReader(new ByteArrayInputStream(shard), "shard-00001.bin", 32_000));
    assertTrue(
        e.getMessage().contains("shard-00001.bin")
            && e.getMessage().contains("50257")
            && e.getMessage().contains("32000"),
        e.getMessage());
  }

  @Test
  void notAShardAndTruncatedShardAreNamedErrors() throws IOException {
    byte[] text =
        "just some text, not tokens at all........................................"
            .getBytes(StandardCharsets.US_ASCII);
    ShardFormatException e =
        assertThrows(
            ShardFormatException.class,
            () -> new TokenShardReader(new ByteArrayInputStream(text), "notes.txt", 50_257));
    assertTrue(e.getMessage().contains("notes.txt is not a token shard"), e.getMessage());

    byte[] shard = smallShard(50_257);
    byte[] cut = Arrays.copyOf(shard, shard.length - 3);
    TokenShardReader r = new TokenShardReader(new ByteArrayInputStream(cut), "cut.bin", 50_257);
    e = assertThrows(ShardFormatException.class, r::readAll);
    assertTrue(
        e.getMessage().contains("cut.bin ends after") && e.getMessage().contains("truncated"),
        e.getMessage());
  }

  @Test
  void tokenOutsideVocabularyIsRejectedWhenWriting() {
    TokenShardWriter w = new TokenShardWriter(new ByteArrayOutputStream(), 1000, 999);
    assertThrows(IllegalArgumentException.class, () -> w.addDocument(new int[] {1, 1000}, 2));
  }

  private static byte[] smallShard(int vocab) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (TokenShardWriter w = new TokenShardWriter(buf, vocab, vocab - 1)) {
      w.addDocument(new int[] {1, 2, 3, 4}, 10);
    }
    return buf.toByteArray();
  }
}
