package org.lmforge.dataprep.tokenize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * manifest.json beside a tokenized corpus: which tokenizer made the shards, and per split (train,
 * validation) the shards with their token counts and the split's UTF-8 byte count, so the trainer
 * can turn loss per token into bits per byte (bpb = loss_nats * tokens / (bytes * ln 2)).
 *
 * @param tokenizerId {@link BpeTokenizer#id()}, e.g. "lmforge-bpe-32k-1a2b3c4d5e6f"
 * @param tokenizerSha256 {@link BpeTokenizer#sha256()}: the reader checks it against the tokenizer
 *     it loads
 * @param vocabSize ids in the tokenizer (and in each shard header)
 * @param endOfTextId the document separator
 * @param splits split name -> shards
 */
public record ShardManifest(
    String tokenizerId,
    String tokenizerSha256,
    int vocabSize,
    int endOfTextId,
    Map<String, Split> splits) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public ShardManifest {
    splits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(splits));
  }

  /**
   * One shard file: path relative to the manifest, its tokens (separators included), bytes and
   * documents.
   */
  public record Shard(String path, long tokens, long utf8Bytes, long documents) {
    public static Shard of(String path, ShardHeader h) {
      return new Shard(path, h.tokenCount(), h.utf8Bytes(), h.documents());
    }
  }

  /** A split's shards and their totals. */
  public record Split(List<Shard> shards, long tokens, long utf8Bytes, long documents) {
    public Split {
      shards = List.copyOf(shards);
    }

    public static Split of(List<Shard> shards) {
      long t = 0, b = 0, d = 0;
      for (Shard s : shards) {
        t += s.tokens();
        b += s.utf8Bytes();
        d += s.documents();
      }
      return new Split(shards, t, b, d);
    }

    /** Average UTF-8 bytes per token of this split. */
    public double bytesPerToken() {
      return tokens == 0 ? 0 : (double) utf8Bytes / tokens;
    }
  }

  public static ShardManifest of(BpeTokenizer tok, Map<String, Split> splits) {
    return new ShardManifest(tok.id(), tok.sha256(), tok.vocabSize(), tok.endOfTextId(), splits);
  }

  public Split split(String name) {
    Split s = splits.get(name);
    if (s == null)
      throw new IllegalArgumentException(
          "manifest has no split \"" + name + "\"; it has " + splits.keySet());
    return s;
  }

  /** Fails unless {@code tok} is the tokenizer that wrote the shards. */
  public void checkTokenizer(BpeTokenizer tok) {
    if (!tok.sha256().equals(tokenizerSha256) || tok.vocabSize() != vocabSize) {
      throw new IllegalArgumentException(
          "shards were written by tokenizer "
              + tokenizerId
              + " (vocab "
              + vocabSize
              + ") but the tokenizer given is "
              + tok.id()
              + " (vocab "
              + tok.vocabSize()
              + ")");
    }
  }

  public void write(OutputStream out) throws IOException {
    JSON.writeValue(out, this);
  }

  public String toJson() throws IOException {
    return JSON.writeValueAsString(this);
  }

  public static ShardManifest read(InputStream in, String name) throws IOException {
    try {
      return JSON.readValue(in, ShardManifest.class);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IOException(name + " is not a shard manifest: " + e.getOriginalMessage(), e);
    }
  }
}
