package org.lmforge.dataprep.tokenize;

import java.io.ObjectStreamException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Byte-level BPE encoder/decoder, GPT-2 style: text is split by {@link PreTokenizer} and each piece
 * is merged by rank ({@link PieceMerger}), as tiktoken and JTokkit do. Decoding concatenates each
 * token's bytes, so {@code decodeBytes(encode(b))} gives back {@code b} exactly, invalid UTF-8
 * included.
 *
 * <p>Immutable and thread-safe. Frequent pieces are remembered in a small direct-mapped cache whose
 * entries are immutable objects, so concurrent readers and writers need no lock (a racing write
 * only loses a cache entry). Serializable (to ship to Spark executors): only the vocabulary
 * travels, the lookup tables are rebuilt.
 *
 * <p>{@link #encode} is "ordinary" encoding: text that spells a special token ({@code
 * <|endoftext|>}) is encoded as plain bytes, never as the special id, so crawled text cannot forge
 * document boundaries.
 */
public final class BpeTokenizer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** GPT-2's end-of-text token, the document separator in token shards. */
  public static final String END_OF_TEXT = "<|endoftext|>";

  /** Pieces at most this long are cached; longer ones are rare and would crowd the cache. */
  private static final int MAX_CACHED_PIECE = 32;

  private static final int CACHE_SIZE = 1 << 15;

  private final String name;
  private final int[] byteToId;
  private final List<Merge> merges;
  private final Map<String, Integer> specials;

  private final transient byte[][] tokenBytes;
  private final transient PieceMerger merger;
  private final transient String sha256;
  private transient volatile CacheEntry[] cache;

  /**
   * @param name a human name, e.g. "gpt2" or "lmforge-bpe-32k"
   * @param byteToId the token id of each byte value 0..255
   * @param merges merges in rank order; each side must be a byte token or an earlier merge's result
   * @param specials special tokens (text -> id); ids together with the others must be exactly
   *     0..V-1
   */
  public BpeTokenizer(
      String name, int[] byteToId, List<Merge> merges, Map<String, Integer> specials) {
    if (byteToId.length != 256)
      throw new IllegalArgumentException("byteToId needs 256 entries, got " + byteToId.length);
    this.name = name;
    this.byteToId = byteToId.clone();
    this.merges = List.copyOf(merges);
    this.specials = Collections.unmodifiableMap(new LinkedHashMap<>(specials));

    int vocabSize = 256 + merges.size() + specials.size();
    tokenBytes = new byte[vocabSize][];
    for (int b = 0; b < 256; b++) define(byteToId[b], new byte[] {(byte) b}, "byte " + b);
    LongIntMap pairRank = new LongIntMap(merges.size());
    int[] mergeResult = new int[merges.size()];
    for (int r = 0; r < merges.size(); r++) {
      Merge m = merges.get(r);
      byte[] left = bytesOf(m.left(), r);
      byte[] right = bytesOf(m.right(), r);
      long key = LongIntMap.pair(m.left(), m.right());
      if (pairRank.get(key) >= 0)
        throw new IllegalArgumentException(
            "merge " + r + " repeats the pair of merge " + pairRank.get(key));
      byte[] joined = Arrays.copyOf(left, left.length + right.length);
      System.arraycopy(right, 0, joined, left.length, right.length);
      define(m.result(), joined, "merge " + r);
      pairRank.put(key, r);
      mergeResult[r] = m.result();
    }
    for (Map.Entry<String, Integer> s : specials.entrySet()) {
      define(
          s.getValue(), s.getKey().getBytes(StandardCharsets.UTF_8), "special token " + s.getKey());
    }
    merger = new PieceMerger(this.byteToId, pairRank, mergeResult);
    sha256 = fingerprint();
  }

  private void define(int id, byte[] bytes, String what) {
    if (id < 0 || id >= tokenBytes.length) {
      throw new IllegalArgumentException(
          what
              + " has id "
              + id
              + ", outside 0.."
              + (tokenBytes.length - 1)
              + " (ids must be dense: 256 bytes + merges + specials)");
    }
    if (tokenBytes[id] != null) throw new IllegalArgumentException(what + " reuses id " + id);
    tokenBytes[id] = bytes;
  }

  private byte[] bytesOf(int id, int rank) {
    if (id < 0 || id >= tokenBytes.length || tokenBytes[id] == null) {
      throw new IllegalArgumentException(
          "merge " + rank + " uses token " + id + " before it is defined");
    }
    return tokenBytes[id];
  }

  private String fingerprint() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (byte[] t : tokenBytes) {
        md.update(intBytes(t.length));
        md.update(t);
      }
      for (Merge m : merges) {
        md.update(intBytes(m.left()));
        md.update(intBytes(m.right()));
        md.update(intBytes(m.result()));
      }
      for (Map.Entry<String, Integer> s : specials.entrySet()) md.update(intBytes(s.getValue()));
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] intBytes(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  // ---- identity
  // -------------------------------------------------------------------------------------------

  public String name() {
    return name;
  }

  /** SHA-256 (hex) of token bytes, merges and special ids: equal hashes encode identically. */
  public String sha256() {
    return sha256;
  }

  /** name + first 12 hex digits of the hash, for manifests and logs. */
  public String id() {
    return name + "-" + sha256.substring(0, 12);
  }

  public int vocabSize() {
    return tokenBytes.length;
  }

  public List<Merge> merges() {
    return merges;
  }

  public Map<String, Integer> specialTokens() {
    return specials;
  }

  /** Id of a special token, or an error listing the ones there are. */
  public int specialId(String token) {
    Integer id = specials.get(token);
    if (id == null)
      throw new IllegalArgumentException(
          "tokenizer " + name + " has no special token " + token + "; it has " + specials.keySet());
    return id;
  }

  /** Id of {@link #END_OF_TEXT}. */
  public int endOfTextId() {
    return specialId(END_OF_TEXT);
  }

  public int byteId(int b) {
    return byteToId[b & 0xFF];
  }

  /** A copy of the bytes token {@code id} stands for. */
  public byte[] tokenBytes(int id) {
    checkId(id);
    return tokenBytes[id].clone();
  }

  // ---- encode
  // ---------------------------------------------------------------------------------------------

  /**
   * Token ids of the UTF-8 bytes of {@code text} (a lone surrogate becomes '?', as String.getBytes
   * does).
   */
  public int[] encode(String text) {
    return encode(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Token ids of any byte string. */
  public int[] encode(byte[] bytes) {
    return encode(bytes, 0, bytes.length);
  }

  public int[] encode(byte[] bytes, int from, int to) {
    IntList out = new IntList((to - from) / 3 + 8);
    PreTokenizer.split(bytes, from, to, (s, e) -> encodePiece(bytes, s, e, out));
    return out.toArray();
  }

  /** Number of tokens {@code text} encodes to. */
  public int countTokens(String text) {
    return encode(text).length;
  }

  private void encodePiece(byte[] b, int s, int e, IntList out) {
    int len = e - s;
    if (len == 1) {
      out.add(byteToId[b[s] & 0xFF]);
      return;
    }
    if (len > MAX_CACHED_PIECE) {
      out.addAll(merger.bpe(b, s, e));
      return;
    }
    int h = 0x811C9DC5;
    for (int i = s; i < e; i++) h = (h ^ b[i]) * 0x01000193;
    h ^= h >>> 15;
    CacheEntry[] c = cache;
    if (c == null) cache = c = new CacheEntry[CACHE_SIZE];
    int slot = h & (CACHE_SIZE - 1);
    CacheEntry hit = c[slot];
    if (hit != null && hit.hash == h && Arrays.equals(hit.key, 0, hit.key.length, b, s, e)) {
      out.addAll(hit.ids);
      return;
    }
    int[] ids = merger.bpe(b, s, e);
    c[slot] = new CacheEntry(h, Arrays.copyOfRange(b, s, e), ids);
    out.addAll(ids);
  }

  private static final class CacheEntry {
    final int hash;
    final byte[] key;
    final int[] ids;

    CacheEntry(int hash, byte[] key, int[] ids) {
      this.hash = hash;
      this.key = key;
      this.ids = ids;
    }
  }

  PieceMerger merger() {
    return merger;
  }

  // ---- decode
  // ---------------------------------------------------------------------------------------------

  /** The exact bytes the tokens stand for. */
  public byte[] decodeBytes(int[] ids) {
    int total = 0;
    for (int id : ids) {
      checkId(id);
      total += tokenBytes[id].length;
    }
    byte[] out = new byte[total];
    int p = 0;
    for (int id : ids) {
      byte[] t = tokenBytes[id];
      System.arraycopy(t, 0, out, p, t.length);
      p += t.length;
    }
    return out;
  }

  /**
   * Decoded as UTF-8 (invalid sequences become U+FFFD; use decodeBytes for an exact round trip).
   */
  public String decode(int[] ids) {
    return new String(decodeBytes(ids), StandardCharsets.UTF_8);
  }

  private void checkId(int id) {
    if (id < 0 || id >= tokenBytes.length) {
      throw new IllegalArgumentException(
          "token id "
              + id
              + " is outside the vocabulary of "
              + name
              + " (size "
              + tokenBytes.length
              + ")");
    }
  }

  /** A token for display: its UTF-8 text if valid, else its GPT-2 symbol spelling. */
  public String tokenText(int id) {
    checkId(id);
    byte[] t = tokenBytes[id];
    var dec = StandardCharsets.UTF_8.newDecoder();
    try {
      return dec.decode(java.nio.ByteBuffer.wrap(t)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return ByteSymbols.encode(t);
    }
  }

  @Override
  public String toString() {
    return "BpeTokenizer[" + id() + ", vocab " + vocabSize() + ", merges " + merges.size() + "]";
  }

  // ---- serialization: ship the vocabulary, rebuild the tables
  // ----------------------------------------------

  private Object writeReplace() throws ObjectStreamException {
    return new Form(name, byteToId, new ArrayList<>(merges), new LinkedHashMap<>(specials));
  }

  private record Form(
      String name, int[] byteToId, ArrayList<Merge> merges, LinkedHashMap<String, Integer> specials)
      implements Serializable {
    private Object readResolve() throws ObjectStreamException {
      return new BpeTokenizer(name, byteToId, merges, specials);
    }
  }
}
