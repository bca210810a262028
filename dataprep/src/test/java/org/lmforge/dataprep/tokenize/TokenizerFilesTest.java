package org.lmforge.dataprep.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizerFilesTest {
  @TempDir Path dir;

  @Test
  void savedTokenizerLoadsBackIdentical() throws IOException {
    BpeTokenizer tok = TestTokenizers.small();
    TokenizerFiles.save(tok, dir);
    BpeTokenizer back = TokenizerFiles.load(dir, tok.name());
    assertEquals(tok.sha256(), back.sha256());
    assertEquals(tok.merges(), back.merges());
    assertEquals(tok.specialTokens(), back.specialTokens());
    assertTrue(Files.readString(dir.resolve("merges.txt")).startsWith("#version: 0.2\n"));
  }

  /**
   * GPT-2 from the tiktoken ranks, written as encoder.json + vocab.bpe and read back: same ids as
   * JTokkit's.
   */
  @Test
  void gpt2OriginalFormatEqualsTiktokenRanks() throws IOException {
    BpeTokenizer fromTiktoken = TestTokenizers.gpt2();
    Path gpt2 = dir.resolve("gpt2");
    Files.createDirectories(gpt2);
    TokenizerFiles.writeVocab(fromTiktoken, Files.newOutputStream(gpt2.resolve("encoder.json")));
    TokenizerFiles.writeMerges(fromTiktoken, Files.newOutputStream(gpt2.resolve("vocab.bpe")));
    BpeTokenizer fromBpe = TokenizerFiles.gpt2From(gpt2);
    assertEquals(fromTiktoken.sha256(), fromBpe.sha256());
    assertEquals(Map.of("<|endoftext|>", 50256), fromBpe.specialTokens());
    // GPT-2's published files: first merge "Ġ t", and 50000 merges in all.
    assertEquals("Ġ t", Files.readAllLines(gpt2.resolve("vocab.bpe")).get(1));
    assertEquals(50000, fromBpe.merges().size());
    String text = TestCorpora.text(TestCorpora.europarlLines().get(0));
    assertArrayEquals(fromTiktoken.encode(text), fromBpe.encode(text));
  }

  /**
   * Saves the small tokenizer, rewrites its {@code file} with {@code spoil} (the saved text in, the
   * new text out) and returns the message of the format error loading it gives.
   */
  private String loadError(String file, UnaryOperator<String> spoil) throws IOException {
    TokenizerFiles.save(TestTokenizers.small(), dir);
    Path p = dir.resolve(file);
    Files.writeString(p, spoil.apply(Files.readString(p)));
    return assertThrows(TokenizerFormatException.class, () -> TokenizerFiles.load(dir, "x"))
        .getMessage();
  }

  /** {@code text} with its line {@code index} (from 0) replaced by {@code line}. */
  private static String withLine(String text, int index, String line) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    lines.set(index, line);
    return String.join("\n", lines) + "\n";
  }

  @Test
  void vocabThatIsNotJsonNamesFileAndLine() throws IOException {
    String m = loadError("vocab.json", saved -> "{\n\"a\": 1,\n\"b\" 2\n}");
    assertTrue(m.contains("vocab.json:3:"), m);
  }

  @Test
  void vocabIdThatIsNotANumberNamesTheToken() throws IOException {
    String m = loadError("vocab.json", saved -> "{\n\"a\": 1,\n\"b\": \"two\"\n}");
    assertTrue(m.contains("vocab.json:3:") && m.contains("\"b\""), m);
  }

  @Test
  void badMergeLineNamesFileAndLine() throws IOException {
    String m = loadError("merges.txt", saved -> withLine(saved, 4, "too many parts"));
    assertTrue(m.contains("merges.txt:5:"), m);
    m = loadError("merges.txt", saved -> withLine(saved, 4, "Ġqq zz"));
    assertTrue(m.contains("merges.txt:5:") && m.contains("Ġqq"), m);
  }

  @Test
  void badTiktokenLineNamesFileAndLine() {
    StringBuilder sb = new StringBuilder();
    for (int b = 0; b < 256; b++)
      sb.append(java.util.Base64.getEncoder().encodeToString(new byte[] {(byte) b}))
          .append(' ')
          .append(b)
          .append('\n');
    sb.append("aGk= 256\n").append("not*base64 257\n");
    TokenizerFormatException e =
        assertThrows(
            TokenizerFormatException.class,
            () ->
                TokenizerFiles.loadTiktoken(
                    new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.US_ASCII)),
                    "toy.tiktoken",
                    "toy",
                    Map.of()));
    assertTrue(e.getMessage().startsWith("toy.tiktoken:258:"), e.getMessage());
  }
}
