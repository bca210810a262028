package org.lmforge.pipeline.tokenize;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lmforge.pipeline.clean.CleanOutput;
import org.lmforge.pipeline.io.AtomicOutput;
import org.lmforge.pipeline.io.FileKind;
import org.lmforge.pipeline.io.InputFiles;
import org.lmforge.pipeline.io.OutputKind;
import org.lmforge.pipeline.io.ParquetDir;
import org.lmforge.pipeline.job.UserError;

/**
 * The tokenize job's checks before any Spark work: the settings, every input is Parquet (a file, or
 * a directory of Parquet files such as a clean output's docs/), a tokenizer to load exists, and the
 * output may be written. Each mistake is a {@link UserError} naming the path and the fix, where
 * Spark would fail later with an unreadable footer or an unknown schema.
 */
public final class TokenizeInputs {
  private TokenizeInputs() {}

  private static final String FIX =
      "point --input at a clean output's docs/ directory (e.g. work/clean/docs) "
          + "or at Parquet files with id and text columns";

  public static void check(TokenizeConfig cfg, Configuration conf) throws IOException {
    UserError.fromIllegalArgument(cfg::validate);
    for (String in : cfg.input()) {
      checkInput(in, conf);
    }
    TokenizeConfig.Tokenizer t = cfg.tokenizer();
    if (!t.training() && !ShardFiles.CLASSPATH_GPT2.equals(t.path())) {
      checkTokenizerToLoad(t.path(), conf);
    }
    AtomicOutput.check(cfg.output(), cfg.overwrite(), conf, "tokenize.output", cfg.input());
  }

  /**
   * {@code tokenize.tokenizer.path} holds the files {@link ShardFiles#loadTokenizer} reads: a file
   * (a .tiktoken, checked as it is parsed), or a directory with vocab.json + merges.txt, else
   * encoder.json + vocab.bpe.
   */
  private static void checkTokenizerToLoad(String path, Configuration conf) throws IOException {
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(conf);
    String where = path + " (tokenize.tokenizer.path)";
    String fix =
        "give a directory with vocab.json + merges.txt (e.g. work/tokens/tokenizer) or encoder.json"
            + " + vocab.bpe, a .tiktoken file or "
            + ShardFiles.CLASSPATH_GPT2
            + "; or set tokenize.tokenizer.mode = train";
    if (!fs.exists(p)) throw UserError.of("no tokenizer to load at", where, fix);
    if (fs.getFileStatus(p).isFile()) return;
    if (OutputKind.of(fs, p) == OutputKind.TOKENS) {
      throw UserError.of(
          "a tokenize output, not a tokenizer directory:",
          where,
          "set tokenize.tokenizer.path = " + new Path(p, ShardFiles.TOKENIZER_DIR));
    }
    for (Path f : ShardFiles.tokenizerFiles(fs, p)) {
      if (!fs.exists(f)) {
        throw UserError.of("no " + f.getName() + " in the tokenizer directory", where, fix);
      }
    }
  }

  private static void checkInput(String in, Configuration conf) throws IOException {
    Path p = InputFiles.path(in, "tokenize.input");
    FileSystem fs = p.getFileSystem(conf);
    FileStatus[] matches = InputFiles.glob(fs, p);
    if (matches.length == 0) {
      throw UserError.of("the tokenize input does not exist:", in, FIX);
    }
    for (FileStatus st : matches) {
      if (st.isFile()) {
        checkFile(fs, st.getPath(), in);
      } else {
        checkDirectory(fs, st.getPath(), in);
      }
    }
  }

  private static void checkFile(FileSystem fs, Path file, String in) throws IOException {
    FileKind kind = FileKind.sniff(fs, file);
    if (kind == FileKind.PARQUET) {
      return;
    }
    String fix =
        switch (kind) {
          case WARC, GZIP_WARC ->
              "crawl files go to the clean job first: `clean --input "
                  + in
                  + "`, then `tokenize --input <clean output>/docs`";
          case TEXT, GZIP_TEXT ->
              "the tokenize job reads Parquet: write the text as Parquet with id and text columns, "
                  + "or wrap it in WARC/WET and run the clean job";
          default -> FIX;
        };
    throw UserError.of(
        "the tokenize input is not Parquet:", file + " is " + kind.description(), fix);
  }

  private static void checkDirectory(FileSystem fs, Path dir, String in) throws IOException {
    if (CleanOutput.isComplete(fs, dir)) {
      throw UserError.of(
          "the tokenize input is a whole clean output:",
          in,
          "pass its kept documents: --input " + new Path(dir, CleanOutput.DOCS));
    }
    Path quarantined = CleanOutput.quarantineOwner(fs, dir);
    if (quarantined != null) {
      throw UserError.of(
          "the tokenize input is " + CleanOutput.QUARANTINE_NOT_DOCS,
          in,
          "pass its kept documents: --input " + new Path(quarantined, CleanOutput.DOCS));
    }
    Path parent = dir.getParent();
    if (AtomicOutput.isStaging(dir) || parent != null && AtomicOutput.isStaging(parent)) {
      Path staging = AtomicOutput.isStaging(dir) ? dir : parent;
      throw UserError.of(
          "the tokenize input is an unfinished clean output:",
          in,
          "the clean job writing it was "
              + "killed or is still running; re-run it and pass "
              + AtomicOutput.finalName(staging)
              + "/docs when complete");
    }
    OutputKind kind = OutputKind.of(fs, dir);
    if (kind == OutputKind.TOKENS) {
      throw UserError.of(
          "the tokenize input is a tokenize output (token shards), not a corpus:",
          in,
          "pretrain and sweep read it (--tokens "
              + in
              + "); tokenize reads a clean output's docs/");
    }
    if (kind != null && kind != OutputKind.CLEAN) {
      throw UserError.of("the tokenize input is " + kind.label() + ", not a corpus:", in, FIX);
    }
    if (!ParquetDir.hasDataFiles(fs, dir)) {
      if (parent != null && CleanOutput.isComplete(fs, parent)) {
        throw UserError.of(
            "the clean output kept no documents:",
            in,
            "nothing to tokenize; "
                + new Path(parent, CleanOutput.STATS)
                + " and its quarantine/ say why");
      }
      throw UserError.of("the tokenize input holds no Parquet files:", in + " is empty", FIX);
    }
    ParquetDir.Stray odd = ParquetDir.firstNotParquet(fs, dir);
    if (odd != null) {
      throw UserError.of(
          "the tokenize input holds files that are not Parquet:",
          in + " (" + odd + ")",
          odd.kind() == FileKind.WARC || odd.kind() == FileKind.GZIP_WARC
              ? "crawl files go to the clean job first: `clean --input " + in + "`"
              : FIX);
    }
  }
}
