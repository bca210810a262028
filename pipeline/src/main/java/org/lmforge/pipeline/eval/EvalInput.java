package org.lmforge.pipeline.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.lmforge.dataprep.tokenize.BpeTokenizer;
import org.lmforge.dataprep.tokenize.ShardFormatException;
import org.lmforge.dataprep.tokenize.ShardManifest;
import org.lmforge.dataprep.tokenize.TokenShardReader;
import org.lmforge.pipeline.clean.CleanOutput;
import org.lmforge.pipeline.io.Columns;
import org.lmforge.pipeline.io.FileKind;
import org.lmforge.pipeline.io.InputFiles;
import org.lmforge.pipeline.io.OutputKind;
import org.lmforge.pipeline.io.ParquetDir;
import org.lmforge.pipeline.job.UserError;
import org.lmforge.pipeline.job.UserPaths;
import org.lmforge.pipeline.tokenize.ShardFiles;

/**
 * A held-out input of {@code pipeline eval}, read as the token stream the tokenize job writes:
 * every document preceded by {@code <|endoftext|>}, so the model scores a document's first token as
 * it learnt to.
 *
 * <ul>
 *   <li>{@link Kind#TEXT}: a UTF-8 text file, one document (encoded byte for byte: invalid UTF-8 is
 *       kept);
 *   <li>{@link Kind#PARQUET}: a Parquet file or directory with a {@code text} column (the clean
 *       job's output directory, whose {@code docs/} is read, or any), one document per non-blank
 *       row, read on Spark;
 *   <li>{@link Kind#SHARDS}: a tokenize output (its {@code validation} split), a split directory of
 *       {@code part-*.tok} shards (e.g. the run's own {@code tokens/validation}), or one shard
 *       file.
 * </ul>
 *
 * @param where the input, for messages
 * @param kind how it was read
 * @param tokens the tokens read: at least the limit asked for when the input has them (whole
 *     documents of text and Parquet, whole read blocks of shards)
 * @param complete false when reading stopped at the limit before the end of the input
 */
record EvalInput(String where, Kind kind, int[] tokens, boolean complete) {
  enum Kind {
    TEXT("UTF-8 text"),
    PARQUET("Parquet"),
    SHARDS("token shards");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  static final String VALIDATION = "validation";

  /** What {@code --input} may be. */
  private static final String INPUT_FIX =
      "give a UTF-8 text file, a Parquet file or directory with a text column, or a token-shard"
          + " directory";

  /** What {@code input} is; a {@link UserError} when it is missing, empty or none of the kinds. */
  static Kind kindOf(String input, Configuration conf) throws IOException {
    Path p = new Path(input);
    FileSystem fs = UserPaths.existing(p, conf, "--input " + input, "does not exist", INPUT_FIX);
    FileStatus st = fs.getFileStatus(p);
    if (st.isFile()) {
      if (st.getLen() == 0) {
        throw UserError.of("--input " + input, "is empty (0 bytes)", "give a text to evaluate");
      }
      if (p.getName().endsWith(".tok")) return Kind.SHARDS;
      if (p.getName().endsWith(".parquet") || startsWith(fs, p, "PAR1")) return Kind.PARQUET;
      FileKind kind = FileKind.sniff(fs, p);
      if (kind != FileKind.TEXT) { // scored as text, its bytes would read as an unknown language
        throw UserError.of(
            "--input " + input,
            "is " + kind.description() + ", not text",
            switch (kind) {
              case WARC, GZIP_WARC, ARC ->
                  "run the clean job on it and evaluate its documents (--input <clean output>/docs)";
              default -> java.util.Objects.requireNonNullElse(kind.toText(input), INPUT_FIX);
            });
      }
      return Kind.TEXT;
    }
    if (fs.exists(new Path(p, ShardFiles.MANIFEST))
        || !InputFiles.filesEndingWith(fs, p, ".tok").isEmpty()) {
      return Kind.SHARDS;
    }
    OutputKind output = OutputKind.of(fs, p);
    if (output == OutputKind.CLEAN) {
      return Kind.PARQUET;
    }
    if (output != null) { // a run or a sweep: its JSON files beside runs.parquet are no corpus
      throw UserError.of(
          "--input " + input, "is " + output.label() + ", not a text to evaluate", INPUT_FIX);
    }
    if (ParquetDir.holdsParquet(fs, p)) {
      ParquetDir.Stray odd = ParquetDir.firstNotParquet(fs, p);
      if (odd != null) { // Spark reads every file of the directory as Parquet
        throw UserError.of(
            "--input " + input,
            "holds files that are not Parquet (" + odd + ")",
            "give one Parquet file, or a directory of Parquet files only");
      }
      return Kind.PARQUET;
    }
    throw UserError.of(
        "--input " + input,
        "is a directory with neither Parquet files nor token shards",
        INPUT_FIX);
  }

  /** Reads at least {@code limit} tokens when the input has them (Long.MAX_VALUE: all). */
  static EvalInput read(
      String input, Kind kind, BpeTokenizer tok, long limit, Configuration conf, SparkSession spark)
      throws IOException {
    return switch (kind) {
      case TEXT -> text(input, tok, conf);
      case PARQUET -> parquet(input, tok, limit, conf, spark);
      case SHARDS -> shards(input, tok, limit, conf);
    };
  }

  private static EvalInput text(String input, BpeTokenizer tok, Configuration conf)
      throws IOException {
    Path p = new Path(input);
    byte[] bytes;
    try (InputStream in = p.getFileSystem(conf).open(p)) {
      bytes = in.readAllBytes();
    }
    Tokens t = new Tokens();
    t.add(tok.endOfTextId());
    t.addAll(tok.encode(bytes));
    return new EvalInput(input, Kind.TEXT, t.toArray(), true);
  }

  private static EvalInput parquet(
      String input, BpeTokenizer tok, long limit, Configuration conf, SparkSession spark)
      throws IOException {
    Path p = new Path(input);
    FileSystem fs = p.getFileSystem(conf);
    // a clean job's output: its documents are under docs/ (quarantine/ has another schema)
    boolean cleanRoot =
        fs.getFileStatus(p).isDirectory() && OutputKind.of(fs, p) == OutputKind.CLEAN;
    if (cleanRoot && !ParquetDir.hasDataFiles(fs, new Path(p, CleanOutput.DOCS))) {
      throw UserError.of(
          "the clean output kept no documents:",
          input,
          "nothing to evaluate; " + new Path(p, CleanOutput.STATS) + " says why");
    }
    Dataset<Row> df =
        ParquetDir.read(
            spark,
            "--input " + input,
            "point --input at one clean output (or its docs/) or one Parquet file",
            cleanRoot ? new Path(p, CleanOutput.DOCS).toString() : input);
    Columns.require(
        df.schema(),
        "the eval input",
        input,
        "text",
        DataTypes.StringType,
        "give the clean job's output (docs/ with id, text, ...) or a Parquet file whose text column"
            + " holds the text");
    Tokens t = new Tokens();
    long docs = 0;
    Iterator<Row> rows = df.select("text").toLocalIterator();
    while (rows.hasNext() && t.size < limit) {
      String text = rows.next().getString(0);
      if (text == null || text.isBlank()) continue; // the tokenize job skips these too
      t.add(tok.endOfTextId());
      t.addAll(tok.encode(text.getBytes(StandardCharsets.UTF_8)));
      docs++;
    }
    if (docs == 0) {
      throw UserError.of(
          "--input " + input, "has no non-blank text", "give a corpus with text to evaluate");
    }
    return new EvalInput(input, Kind.PARQUET, t.toArray(), !rows.hasNext());
  }

  private static EvalInput shards(String input, BpeTokenizer tok, long limit, Configuration conf)
      throws IOException {
    List<Path> files = shardFiles(input, tok, conf);
    Tokens t = new Tokens();
    boolean cut = false;
    for (Path f : files) {
      if (t.size >= limit) {
        cut = true;
        break;
      }
      try (TokenShardReader r =
          new TokenShardReader(
              f.getFileSystem(conf).open(f, 1 << 20), f.toString(), tok.vocabSize())) {
        int[] buf = new int[1 << 16];
        long left = r.header().tokenCount();
        for (int n; left > 0 && t.size < limit && (n = r.read(buf, 0, buf.length)) > 0; left -= n) {
          t.addAll(Arrays.copyOf(buf, n));
        }
        cut |= left > 0;
      } catch (ShardFormatException e) {
        throw new UserError(
            e.getMessage() + "; give token shards written with the run's tokenizer " + tok.id());
      }
    }
    if (t.size == 0) {
      throw UserError.of(
          "--input " + input, "holds no tokens", "give a split with documents in it");
    }
    return new EvalInput(input, Kind.SHARDS, t.toArray(), !cut);
  }

  /**
   * The shards to read, in the order they were written: the manifest's order of the validation
   * split (a tokenize output) or of the split named like the directory (a split directory whose
   * parent has the manifest), checked against the run's tokenizer; else the directory's *.tok files
   * by name.
   */
  private static List<Path> shardFiles(String input, BpeTokenizer tok, Configuration conf)
      throws IOException {
    Path p = new Path(input);
    FileSystem fs = p.getFileSystem(conf);
    if (fs.getFileStatus(p).isFile()) return List.of(p);
    String root = null, split = null;
    if (fs.exists(new Path(p, ShardFiles.MANIFEST))) {
      root = input;
      split = VALIDATION;
    } else if (p.getParent() != null && fs.exists(new Path(p.getParent(), ShardFiles.MANIFEST))) {
      root = p.getParent().toString();
      split = p.getName();
    }
    if (root != null) {
      ShardFiles sf = ShardFiles.open(root, conf);
      ShardManifest m = sf.manifest();
      if (m.splits().containsKey(split)) {
        try {
          m.checkTokenizer(tok);
        } catch (IllegalArgumentException e) {
          throw UserError.of(
              e.getMessage(),
              "(" + new Path(root, ShardFiles.MANIFEST) + ")",
              "evaluate shards written with the run's tokenizer, or text (eval encodes it with the run's tokenizer)");
        }
        return sf.shards(split);
      }
    }
    List<Path> out = InputFiles.filesEndingWith(fs, p, ".tok");
    if (out.isEmpty()) {
      throw UserError.of(
          "--input " + input,
          "has no *.tok shards (nor a manifest with a \"" + split + "\" split)",
          "give a tokenize output or one of its split directories");
    }
    return out;
  }

  private static boolean startsWith(FileSystem fs, Path p, String magic) throws IOException {
    try (InputStream in = fs.open(p)) {
      return Arrays.equals(
          in.readNBytes(magic.length()), magic.getBytes(StandardCharsets.US_ASCII));
    }
  }

  /** A growable int[]: the input's tokens. */
  private static final class Tokens {
    int[] data = new int[1 << 12];
    int size;

    void add(int v) {
      addAll(new int[] {v});
    }

    void addAll(int[] vs) {
      if ((long) size + vs.length > Integer.MAX_VALUE - 8) {
        throw new UserError(
            "the input has more than 2^31 tokens; evaluate a part of it with --max-tokens");
      }
      if (size + vs.length > data.length)
        data = Arrays.copyOf(data, Math.max(data.length * 2, size + vs.length));
      System.arraycopy(vs, 0, data, size, vs.length);
      size += vs.length;
    }

    int[] toArray() {
      return Arrays.copyOf(data, size);
    }
  }
}
