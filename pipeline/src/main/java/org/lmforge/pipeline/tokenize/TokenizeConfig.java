package org.lmforge.pipeline.tokenize;

import java.util.List;
import org.lmforge.config.Defaults;
import org.lmforge.config.Records;
import org.lmforge.dataprep.tokenize.BpeTokenizer;

/**
 * The tokenize job: clean corpus (Parquet) in, token shards + manifest out. Defaults in {@code
 * conf/tokenize.conf} ({@code tokenize { ... }}, keys = component names).
 *
 * @param input clean-corpus Parquet paths (any Hadoop URI: file:, hdfs://, s3a://)
 * @param output output directory; written under a temporary sibling and renamed into place
 * @param overwrite replace an existing output instead of failing
 * @param tokenizer train a tokenizer on the corpus, or load one
 * @param validationFraction share of documents (by hash of id, {@code DocSplit}) for the validation
 *     split
 * @param splitSeed seed of that hash; change it to draw another split
 * @param shardTokens a shard is closed once it holds at least this many tokens (2 bytes each up to
 *     65536 ids); the writer keeps one shard in memory per task and split
 * @param partitions encode tasks; documents go to task {@code pmod(hash(id), partitions)}, sorted
 *     by id, so the same input and this number give byte-identical shards
 * @param textColumn text column of the input
 * @param idColumn document id column (the split and the order hash it)
 * @param languages keep only these values of the {@code language} column; empty = all
 */
public record TokenizeConfig(
    List<String> input,
    String output,
    boolean overwrite,
    Tokenizer tokenizer,
    double validationFraction,
    long splitSeed,
    long shardTokens,
    int partitions,
    String textColumn,
    String idColumn,
    List<String> languages) {

  public static final String TRAIN = "train";
  public static final String LOAD = "load";

  /**
   * Which tokenizer. {@code mode = train}: learn byte-level BPE on the training split (validation
   * documents are never seen by it). {@code mode = load}: read {@code path}.
   *
   * @param mode "train" or "load"
   * @param name name recorded in the tokenizer id, e.g. "lmforge-bpe-32k" (load: name given to it)
   * @param vocabSize train: total ids (256 bytes + merges + specials); load: the expected size, 0 =
   *     any
   * @param specialTokens train: appended after the merges; must contain {@code <|endoftext|>}, the
   *     separator. load of a tiktoken file: ids after the last rank, in this order
   * @param sampleFraction train: share of training documents (by a seeded hash of id) whose
   *     pre-tokens are counted; 1 = all
   * @param minPairCount train: stop merging when the best pair occurs fewer times (2: as GPT-2)
   * @param path load: a directory with vocab.json + merges.txt (ours) or encoder.json + vocab.bpe
   *     (GPT-2's), a {@code .tiktoken} file, or {@code classpath:gpt2} (needs JTokkit's jar)
   */
  public record Tokenizer(
      String mode,
      String name,
      int vocabSize,
      List<String> specialTokens,
      double sampleFraction,
      long minPairCount,
      String path) {

    public Tokenizer {
      specialTokens = specialTokens == null ? List.of() : List.copyOf(specialTokens);
    }

    /** Training {@code vocabSize} ids, the rest as shipped (conf/tokenize.conf). */
    public static Tokenizer train(String name, int vocabSize) {
      return Records.with(
          shipped(), "mode", TRAIN, "name", name, "vocabSize", vocabSize, "path", "");
    }

    /** Loading from {@code path}, any vocabulary size, the rest as shipped. */
    public static Tokenizer load(String name, String path) {
      return Records.with(shipped(), "mode", LOAD, "name", name, "vocabSize", 0, "path", path);
    }

    private static Tokenizer shipped() {
      return Defaults.of("tokenize", "tokenize.tokenizer", Tokenizer.class);
    }

    public boolean training() {
      return TRAIN.equals(mode);
    }

    public Tokenizer withVocabSize(int v) {
      return Records.with(this, "vocabSize", v);
    }

    public Tokenizer withSampleFraction(double f) {
      return Records.with(this, "sampleFraction", f);
    }
  }

  public TokenizeConfig {
    input = input == null ? List.of() : List.copyOf(input);
    languages = languages == null ? List.of() : List.copyOf(languages);
  }

  /** The shipped defaults (conf/tokenize.conf) for the given input and output. */
  public static TokenizeConfig defaults(List<String> input, String output) {
    return Records.with(
        Defaults.of("tokenize", "tokenize", TokenizeConfig.class),
        "input",
        input,
        "output",
        output);
  }

  public TokenizeConfig withOutput(String out) {
    return Records.with(this, "output", out);
  }

  public TokenizeConfig withInput(List<String> in) {
    return Records.with(this, "input", in);
  }

  public TokenizeConfig withOverwrite(boolean o) {
    return Records.with(this, "overwrite", o);
  }

  public TokenizeConfig withTokenizer(Tokenizer t) {
    return Records.with(this, "tokenizer", t);
  }

  public TokenizeConfig withShardTokens(long n) {
    return Records.with(this, "shardTokens", n);
  }

  public TokenizeConfig withPartitions(int p) {
    return Records.with(this, "partitions", p);
  }

  public TokenizeConfig withSplit(double fraction, long seed) {
    return Records.with(this, "validationFraction", fraction, "splitSeed", seed);
  }

  public TokenizeConfig withLanguages(List<String> langs) {
    return Records.with(this, "languages", langs);
  }

  /**
   * Fails on the first bad value, naming its key (as in conf/tokenize.conf) and what would be
   * valid.
   */
  public TokenizeConfig validate() {
    if (input.isEmpty() || input.stream().anyMatch(s -> s == null || s.isBlank())) {
      throw bad("input", input, "a list of one or more clean-corpus Parquet paths");
    }
    if (output == null || output.isBlank()) throw bad("output", output, "the output directory");
    if (!(validationFraction >= 0 && validationFraction < 1)) {
      throw bad("validationFraction", validationFraction, "a fraction in [0, 1)");
    }
    if (shardTokens < 1)
      throw bad("shardTokens", shardTokens, "a positive token count, e.g. 50000000");
    if (partitions < 1)
      throw bad("partitions", partitions, "a positive number of encode tasks, e.g. 64");
    if (textColumn == null || textColumn.isBlank())
      throw bad("textColumn", textColumn, "a column name, e.g. text");
    if (idColumn == null || idColumn.isBlank())
      throw bad("idColumn", idColumn, "a column name, e.g. id");
    Tokenizer t = tokenizer;
    if (t == null) throw bad("tokenizer", null, "an object with mode = train or load");
    if (t.name() == null || t.name().isBlank())
      throw bad("tokenizer.name", t.name(), "a name, e.g. lmforge-bpe-32k");
    if (TRAIN.equals(t.mode())) {
      if (!t.specialTokens().contains(BpeTokenizer.END_OF_TEXT)) {
        throw bad(
            "tokenizer.specialTokens",
            t.specialTokens(),
            "a list containing "
                + BpeTokenizer.END_OF_TEXT
                + ", the document separator of the shards");
      }
      if (t.vocabSize() < 256 + t.specialTokens().size() + 1) {
        throw bad(
            "tokenizer.vocabSize",
            t.vocabSize(),
            "at least 256 bytes + " + t.specialTokens().size() + " special tokens + 1 merge");
      }
      if (!(t.sampleFraction() > 0 && t.sampleFraction() <= 1)) {
        throw bad("tokenizer.sampleFraction", t.sampleFraction(), "a fraction in (0, 1]");
      }
      if (t.minPairCount() < 1)
        throw bad("tokenizer.minPairCount", t.minPairCount(), "a count >= 1");
    } else if (LOAD.equals(t.mode())) {
      if (t.path() == null || t.path().isBlank()) {
        throw bad(
            "tokenizer.path",
            t.path(),
            "a tokenizer directory, a .tiktoken file or classpath:gpt2");
      }
      if (t.vocabSize() < 0)
        throw bad("tokenizer.vocabSize", t.vocabSize(), "0 (any) or the expected size");
    } else {
      throw bad("tokenizer.mode", t.mode(), "train or load");
    }
    return this;
  }

  private static IllegalArgumentException bad(String key, Object value, String want) {
    return new IllegalArgumentException(
        "tokenize."
            + key
            + " = "
            + value
            + " is not valid: set it to "
            + want
            + " (conf/tokenize.conf)");
  }
}
