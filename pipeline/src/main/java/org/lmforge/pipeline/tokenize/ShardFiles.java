package org.lmforge.pipeline.tokenize;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lmforge.dataprep.tokenize.BpeTokenizer;
import org.lmforge.dataprep.tokenize.ShardManifest;
import org.lmforge.dataprep.tokenize.TokenShardReader;
import org.lmforge.dataprep.tokenize.TokenizerFiles;
import org.lmforge.dataprep.tokenize.TokenizerFormatException;
import org.lmforge.pipeline.io.OutputKind;
import org.lmforge.pipeline.job.UserError;

/**
 * A tokenized corpus ({@code manifest.json}, {@code tokenizer/}, {@code <split>/part-*.tok}) read
 * through Hadoop's FileSystem, so the trainer reads the same way from file:, hdfs:// or s3a://.
 * Also the tokenizer file loading and saving the stage does through Hadoop FS.
 */
public final class ShardFiles {
  public static final String MANIFEST = OutputKind.TOKENS.marker();
  public static final String TOKENIZER_DIR = "tokenizer";

  /** {@code tokenize.tokenizer.path} value for GPT-2 from JTokkit's jar (r50k_base). */
  public static final String CLASSPATH_GPT2 = "classpath:gpt2";

  private final FileSystem fs;
  private final Path root;
  private final ShardManifest manifest;

  private ShardFiles(FileSystem fs, Path root, ShardManifest manifest) {
    this.fs = fs;
    this.root = root;
    this.manifest = manifest;
  }

  /** What to do without a tokenize output, the fix of every message that found none. */
  public static final String HOW_TO_MAKE =
      "run the tokenize job (bin/pipeline tokenize --input work/clean/docs --output work/tokens) "
          + "and pass its output";

  /** Opens the corpus at {@code dir} (the tokenize job's output) and reads its manifest. */
  public static ShardFiles open(String dir, Configuration conf) throws IOException {
    Path root = new Path(dir);
    FileSystem fs = root.getFileSystem(conf);
    Path m = new Path(root, MANIFEST);
    if (!fs.exists(m)) {
      throw new FileNotFoundException(
          m
              + " not found: "
              + dir
              + " is not a finished tokenize output (the job writes manifest.json last); "
              + HOW_TO_MAKE);
    }
    try (InputStream in = fs.open(m)) {
      return new ShardFiles(fs, root, ShardManifest.read(in, m.toString()));
    }
  }

  public ShardManifest manifest() {
    return manifest;
  }

  public Path root() {
    return root;
  }

  /** The shard files of a split, in manifest order (the order documents were written). */
  public List<Path> shards(String split) {
    List<Path> out = new ArrayList<>();
    for (ShardManifest.Shard s : manifest.split(split).shards()) out.add(new Path(root, s.path()));
    return out;
  }

  /**
   * The tokenizer saved beside the shards ({@code tokenizer/}), checked against the manifest: a
   * vocabulary that does not parse is a {@link TokenizerFormatException} naming the file and line;
   * one that is not the tokenizer that wrote the shards is an error naming both vocabulary sizes.
   */
  public BpeTokenizer tokenizer() throws IOException {
    BpeTokenizer tok =
        loadTokenizer(
            new Path(root, TOKENIZER_DIR).toString(),
            nameOf(manifest.tokenizerId()),
            List.of(BpeTokenizer.END_OF_TEXT),
            fs.getConf());
    manifest.checkTokenizer(tok);
    return tok;
  }

  /**
   * Opens one shard for {@code tok}. A shard whose header names another vocabulary size fails with
   * both numbers ({@link TokenShardReader}); a same-size but different tokenizer fails on the
   * manifest's hash.
   */
  public TokenShardReader reader(ShardManifest.Shard shard, BpeTokenizer tok) throws IOException {
    Path p = new Path(root, shard.path());
    InputStream in = fs.open(p, 1 << 20);
    TokenShardReader r;
    try {
      r = new TokenShardReader(in, p.toString(), tok.vocabSize());
    } catch (RuntimeException | IOException e) {
      in.close();
      throw e;
    }
    try {
      manifest.checkTokenizer(tok);
    } catch (IllegalArgumentException e) {
      r.close();
      throw e;
    }
    return r;
  }

  /** All tokens of a split, shards concatenated (for small splits: validation, tests). */
  public int[] readSplit(String split, BpeTokenizer tok) throws IOException {
    ShardManifest.Split s = manifest.split(split);
    if (s.tokens() > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException(
          "split "
              + split
              + " has "
              + s.tokens()
              + " tokens, too many for one array; "
              + "read it shard by shard with reader()");
    }
    int[] all = new int[(int) s.tokens()];
    int p = 0;
    for (ShardManifest.Shard sh : s.shards()) {
      try (TokenShardReader r = reader(sh, tok)) {
        int[] t = r.readAll();
        System.arraycopy(t, 0, all, p, t.length);
        p += t.length;
      }
    }
    return all;
  }

  /** The name part of a tokenizer id ("name-" + 12 hex digits of its hash). */
  static String nameOf(String tokenizerId) {
    int dash = tokenizerId.lastIndexOf('-');
    return dash > 0 ? tokenizerId.substring(0, dash) : tokenizerId;
  }

  // ---- tokenizer files through Hadoop FS
  // ----------------------------------------------------------------

  /**
   * Loads a tokenizer from {@code location}: {@link #CLASSPATH_GPT2}; a {@code .tiktoken} file (the
   * {@code specials} get the ids after the last rank, so GPT-2's {@code <|endoftext|>} is 50256);
   * or a directory with vocab.json + merges.txt (ours, Hugging Face's) or encoder.json + vocab.bpe
   * (GPT-2's).
   */
  public static BpeTokenizer loadTokenizer(
      String location, String name, List<String> specials, Configuration conf) throws IOException {
    try {
      return parseTokenizer(location, name, specials, conf);
    } catch (TokenizerFormatException e) {
      // a file a user pointed at (tokenize.tokenizer.path) or a run's tokenizer/ that was edited
      throw UserError.of(
          "the tokenizer files do not parse:",
          e.getMessage(),
          "give a tokenizer/ directory a tokenize job wrote (vocab.json + merges.txt), GPT-2's"
              + " encoder.json + vocab.bpe, a .tiktoken file or "
              + CLASSPATH_GPT2);
    }
  }

  private static BpeTokenizer parseTokenizer(
      String location, String name, List<String> specials, Configuration conf) throws IOException {
    if (CLASSPATH_GPT2.equals(location)) return TokenizerFiles.gpt2FromClasspath();
    Path p = new Path(location);
    FileSystem fs = p.getFileSystem(conf);
    if (!fs.exists(p)) {
      throw new FileNotFoundException(
          "tokenizer "
              + location
              + " does not exist; give a directory with vocab.json + "
              + "merges.txt or encoder.json + vocab.bpe, a .tiktoken file, or "
              + CLASSPATH_GPT2);
    }
    if (fs.getFileStatus(p).isFile()) {
      byte[] all;
      try (InputStream in = fs.open(p)) {
        all = in.readAllBytes();
      }
      int ranks = 0;
      for (int i = 0; i < all.length; i++) {
        if (all[i] == '\n' && i > 0 && all[i - 1] != '\n') ranks++;
      }
      if (all.length > 0 && all[all.length - 1] != '\n') ranks++;
      Map<String, Integer> ids = new LinkedHashMap<>();
      for (String s : specials) ids.put(s, ranks + ids.size());
      return TokenizerFiles.loadTiktoken(new ByteArrayInputStream(all), p.toString(), name, ids);
    }
    List<Path> files = tokenizerFiles(fs, p);
    Path vocab = files.get(0);
    Path merges = files.get(1);
    for (Path f : files) {
      if (!fs.exists(f)) {
        throw new FileNotFoundException(
            "tokenizer directory "
                + p
                + " has no "
                + f.getName()
                + "; it needs "
                + "vocab.json + merges.txt (ours) or encoder.json + vocab.bpe (GPT-2's)");
      }
    }
    try (InputStream v = fs.open(vocab);
        InputStream m = fs.open(merges)) {
      return TokenizerFiles.load(v, vocab.toString(), m, merges.toString(), name);
    }
  }

  /**
   * The vocabulary and merges files a tokenizer directory is read from: vocab.json + merges.txt
   * (ours, Hugging Face's), or GPT-2's encoder.json + vocab.bpe where there is no vocab.json.
   */
  static List<Path> tokenizerFiles(FileSystem fs, Path dir) throws IOException {
    if (!fs.exists(new Path(dir, TokenizerFiles.VOCAB))
        && fs.exists(new Path(dir, "encoder.json"))) {
      return List.of(new Path(dir, "encoder.json"), new Path(dir, "vocab.bpe"));
    }
    return List.of(new Path(dir, TokenizerFiles.VOCAB), new Path(dir, TokenizerFiles.MERGES));
  }

  /** Writes vocab.json + merges.txt into {@code dir}. */
  public static void saveTokenizer(BpeTokenizer tok, FileSystem fs, Path dir) throws IOException {
    fs.mkdirs(dir);
    try (OutputStream v = fs.create(new Path(dir, TokenizerFiles.VOCAB), true)) {
      TokenizerFiles.writeVocab(tok, v);
    }
    try (OutputStream m = fs.create(new Path(dir, TokenizerFiles.MERGES), true)) {
      TokenizerFiles.writeMerges(tok, m);
    }
  }
}
