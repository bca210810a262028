package org.lmforge.dataprep.tokenize;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tokenizer files, two formats.
 *
 * <p><b>vocab.json + merges.txt</b> (Hugging Face GPT-2 layout, identical to GPT-2's original
 * encoder.json + vocab.bpe): vocab.json maps each token, spelled in {@link ByteSymbols} (space =
 * 'Ġ'), to its id; merges.txt has an optional "#version" line, then one merge per line, "left
 * right" in symbols, in rank order. A vocab entry that is neither one byte nor a merge result is a
 * special token (GPT-2's {@code <|endoftext|>}).
 *
 * <p><b>tiktoken</b> ({@code r50k_base.tiktoken}, shipped inside JTokkit's jar): one "base64(token
 * bytes) rank" per line, rank = id. The merges are recovered by encoding each multi-byte token with
 * the merges of lower rank, which must leave exactly two tokens: those are the merge's two sides.
 */
public final class TokenizerFiles {
  public static final String VOCAB = "vocab.json";
  public static final String MERGES = "merges.txt";

  /** Where JTokkit keeps GPT-2's ranks (r50k_base == GPT-2). */
  public static final String R50K_RESOURCE = "com/knuddels/jtokkit/r50k_base.tiktoken";

  private TokenizerFiles() {}

  // ---- vocab.json + merges.txt
  // ---------------------------------------------------------------------------

  /** Writes vocab.json and merges.txt into {@code dir} (created if missing). */
  public static void save(BpeTokenizer tok, Path dir) throws IOException {
    Files.createDirectories(dir);
    try (OutputStream v = Files.newOutputStream(dir.resolve(VOCAB));
        OutputStream m = Files.newOutputStream(dir.resolve(MERGES))) {
      writeVocab(tok, v);
      writeMerges(tok, m);
    }
  }

  public static void writeVocab(BpeTokenizer tok, OutputStream out) throws IOException {
    JsonGenerator g = new JsonFactory().createGenerator(out);
    g.writeStartObject();
    Map<Integer, String> specialById = new HashMap<>();
    tok.specialTokens().forEach((s, id) -> specialById.put(id, s));
    for (int id = 0; id < tok.vocabSize(); id++) {
      String special = specialById.get(id);
      g.writeFieldName(special != null ? special : ByteSymbols.encode(tok.tokenBytes(id)));
      g.writeNumber(id);
    }
    g.writeEndObject();
    g.flush();
  }

  public static void writeMerges(BpeTokenizer tok, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write("#version: 0.2\n");
    for (Merge m : tok.merges()) {
      w.write(ByteSymbols.encode(tok.tokenBytes(m.left())));
      w.write(' ');
      w.write(ByteSymbols.encode(tok.tokenBytes(m.right())));
      w.write('\n');
    }
    w.flush();
  }

  /** Loads vocab.json + merges.txt (or GPT-2's encoder.json + vocab.bpe) from {@code dir}. */
  public static BpeTokenizer load(Path dir, String name) throws IOException {
    Path vocab = dir.resolve(VOCAB);
    Path merges = dir.resolve(MERGES);
    if (!Files.exists(vocab) && Files.exists(dir.resolve("encoder.json"))) {
      vocab = dir.resolve("encoder.json");
      merges = dir.resolve("vocab.bpe");
    }
    try (InputStream v = Files.newInputStream(vocab);
        InputStream m = Files.newInputStream(merges)) {
      return load(v, vocab.toString(), m, merges.toString(), name);
    }
  }

  public static BpeTokenizer load(
      InputStream vocabJson,
      String vocabName,
      InputStream mergesTxt,
      String mergesName,
      String name)
      throws IOException {
    Map<String, Integer> vocab = readVocab(vocabJson, vocabName);
    int[] byteToId = new int[256];
    for (int b = 0; b < 256; b++) {
      Integer id = vocab.get(String.valueOf(ByteSymbols.symbol(b)));
      if (id == null) {
        throw new TokenizerFormatException(
            vocabName,
            1,
            "no entry for byte "
                + b
                + " (symbol '"
                + ByteSymbols.symbol(b)
                + "'); a byte-level vocabulary needs all 256 byte tokens");
      }
      byteToId[b] = id;
    }
    List<Merge> merges = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(mergesTxt, StandardCharsets.UTF_8));
    java.util.Set<String> results = new java.util.HashSet<>();
    String line;
    long lineNo = 0;
    while ((line = r.readLine()) != null) {
      lineNo++;
      if (line.startsWith("#version") || line.isBlank()) continue;
      String[] parts = line.split(" ", -1);
      if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
        throw new TokenizerFormatException(
            mergesName,
            lineNo,
            "expected \"left right\" (two symbol strings and one space), got \"" + line + "\"");
      }
      Integer left = vocab.get(parts[0]);
      Integer right = vocab.get(parts[1]);
      Integer result = vocab.get(parts[0] + parts[1]);
      if (left == null || right == null || result == null) {
        String missing = left == null ? parts[0] : right == null ? parts[1] : parts[0] + parts[1];
        throw new TokenizerFormatException(
            mergesName, lineNo, "token \"" + missing + "\" is not in " + vocabName);
      }
      if (!results.add(parts[0] + parts[1])) {
        throw new TokenizerFormatException(
            mergesName,
            lineNo,
            "\"" + parts[0] + parts[1] + "\" is built by an earlier merge already");
      }
      merges.add(new Merge(left, right, result));
    }
    Map<String, Integer> specials = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : vocab.entrySet()) {
      String t = e.getKey();
      boolean single = t.length() == 1 && ByteSymbols.decode(t) != null;
      if (!single && !results.contains(t)) specials.put(t, e.getValue());
    }
    try {
      return new BpeTokenizer(name, byteToId, merges, specials);
    } catch (IllegalArgumentException e) {
      throw new TokenizerFormatException(
          vocabName + " + " + mergesName, "inconsistent vocabulary: " + e.getMessage(), e);
    }
  }

  private static Map<String, Integer> readVocab(InputStream in, String file) throws IOException {
    Map<String, Integer> vocab = new LinkedHashMap<>();
    try (JsonParser p = new JsonFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new TokenizerFormatException(
            file, p.currentLocation().getLineNr(), "expected a JSON object {\"token\": id, ...}");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String token = p.getCurrentName();
        if (p.nextToken() != JsonToken.VALUE_NUMBER_INT) {
          throw new TokenizerFormatException(
              file, p.currentLocation().getLineNr(), "id of \"" + token + "\" is not an integer");
        }
        if (vocab.put(token, p.getIntValue()) != null) {
          throw new TokenizerFormatException(
              file, p.currentLocation().getLineNr(), "token \"" + token + "\" appears twice");
        }
      }
      if (t != JsonToken.END_OBJECT) {
        throw new TokenizerFormatException(
            file, p.currentLocation().getLineNr(), "expected a token string or '}', got " + t);
      }
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new TokenizerFormatException(file, line, "not valid JSON: " + e.getOriginalMessage());
    }
    return vocab;
  }

  // ---- tiktoken
  // -----------------------------------------------------------------------------------------

  /** GPT-2 (r50k_base, from JTokkit's jar on the classpath) with {@code <|endoftext|>} = 50256. */
  public static BpeTokenizer gpt2FromClasspath() {
    InputStream in = TokenizerFiles.class.getClassLoader().getResourceAsStream(R50K_RESOURCE);
    if (in == null) {
      throw new IllegalStateException(
          "GPT-2 ranks not found: "
              + R50K_RESOURCE
              + " is not on the classpath; add "
              + "com.knuddels:jtokkit:1.1.0 to the classpath or load a tiktoken file with loadTiktoken");
    }
    try (in) {
      return loadTiktoken(
          in, "classpath:" + R50K_RESOURCE, "gpt2", Map.of(BpeTokenizer.END_OF_TEXT, 50256));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * GPT-2 from a tiktoken file, or from a folder with encoder.json + vocab.bpe / vocab.json +
   * merges.txt.
   */
  public static BpeTokenizer gpt2From(Path path) throws IOException {
    if (Files.isDirectory(path)) return load(path, "gpt2");
    try (InputStream in = Files.newInputStream(path)) {
      return loadTiktoken(in, path.toString(), "gpt2", Map.of(BpeTokenizer.END_OF_TEXT, 50256));
    }
  }

  public static BpeTokenizer loadTiktoken(
      InputStream in, String file, String name, Map<String, Integer> specials) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
    List<byte[]> byRank = new ArrayList<>();
    List<Long> lineOf = new ArrayList<>();
    String line;
    long lineNo = 0;
    while ((line = r.readLine()) != null) {
      lineNo++;
      if (line.isEmpty()) continue;
      int sp = line.indexOf(' ');
      if (sp <= 0 || sp != line.lastIndexOf(' ')) {
        throw new TokenizerFormatException(
            file, lineNo, "expected \"<base64 token bytes> <rank>\", got \"" + line + "\"");
      }
      byte[] token;
      int rank;
      try {
        token = Base64.getDecoder().decode(line.substring(0, sp));
        rank = Integer.parseInt(line.substring(sp + 1));
      } catch (IllegalArgumentException e) {
        throw new TokenizerFormatException(
            file, lineNo, "bad base64 or rank in \"" + line + "\": " + e.getMessage());
      }
      if (rank != byRank.size()) {
        throw new TokenizerFormatException(
            file, lineNo, "rank " + rank + " out of order, expected " + byRank.size());
      }
      if (token.length == 0) throw new TokenizerFormatException(file, lineNo, "empty token");
      byRank.add(token);
      lineOf.add(lineNo);
    }
    int[] byteToId = new int[256];
    Arrays.fill(byteToId, -1);
    for (int id = 0; id < byRank.size(); id++) {
      byte[] t = byRank.get(id);
      if (t.length == 1) byteToId[t[0] & 0xFF] = id;
    }
    for (int b = 0; b < 256; b++) {
      if (byteToId[b] < 0)
        throw new TokenizerFormatException(file, lineNo, "no single-byte token for byte " + b);
    }
    // Recover merges in rank order: each multi-byte token is what lower-rank BPE leaves as two
    // tokens.
    List<Merge> merges = new ArrayList<>();
    MergeBuilder partial = new MergeBuilder(byteToId);
    for (int id = 0; id < byRank.size(); id++) {
      byte[] t = byRank.get(id);
      if (t.length == 1) continue;
      int[] parts = partial.encode(t);
      if (parts.length != 2) {
        throw new TokenizerFormatException(
            file,
            lineOf.get(id),
            "token of rank "
                + id
                + " is not two lower-rank tokens "
                + "(lower ranks leave "
                + parts.length
                + ")");
      }
      merges.add(new Merge(parts[0], parts[1], id));
      partial.add(parts[0], parts[1], id);
    }
    return new BpeTokenizer(name, byteToId, merges, specials);
  }

  /** The rank-based merge loop over a growing merge table (only for recovering tiktoken merges). */
  private static final class MergeBuilder {
    private final int[] byteToId;
    private final LongIntMap rankOf = new LongIntMap(1 << 16);
    private final List<Integer> result = new ArrayList<>();

    MergeBuilder(int[] byteToId) {
      this.byteToId = byteToId;
    }

    void add(int left, int right, int id) {
      rankOf.put(LongIntMap.pair(left, right), result.size());
      result.add(id);
    }

    int[] encode(byte[] t) {
      List<Integer> ids = new ArrayList<>();
      for (byte b : t) ids.add(byteToId[b & 0xFF]);
      while (ids.size() > 1) {
        int best = Integer.MAX_VALUE;
        int at = -1;
        for (int i = 0; i + 1 < ids.size(); i++) {
          int r = rankOf.get(LongIntMap.pair(ids.get(i), ids.get(i + 1)));
          if (r >= 0 && r < best) {
            best = r;
            at = i;
          }
        }
        if (at < 0) break;
        ids.set(at, result.get(best));
        ids.remove(at + 1);
      }
      return ids.stream().mapToInt(Integer::intValue).toArray();
    }
  }
}
