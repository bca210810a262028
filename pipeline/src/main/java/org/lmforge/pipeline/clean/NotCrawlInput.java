package org.lmforge.pipeline.clean;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lmforge.dataprep.warc.CrawlItem;
import org.lmforge.pipeline.io.FileKind;
import org.lmforge.pipeline.io.OutputKind;
import org.lmforge.pipeline.job.UserError;

/**
 * Quarantine reasons for inputs that are not crawl files, each with the fix in its detail: what
 * users pass to the clean job by mistake (a text file, gzipped text, the clean job's own Parquet
 * output, an empty directory). The reader reports such a file as {@code file.not_warc} at offset 0;
 * {@link #classify} looks at its first bytes and names it.
 */
public final class NotCrawlInput {
  private NotCrawlInput() {}

  /** The reasons named here; a file none of them fits keeps the reader's {@code file.not_warc}. */
  public enum Reason {
    PLAIN_TEXT("file.plain_text"),
    GZIP_TEXT("file.gzip_text"),
    PARQUET("file.parquet"),
    EMPTY_DIRECTORY("dir.empty");

    /** As written in the quarantine and the stats. */
    public final String code;

    Reason(String code) {
      this.code = code;
    }
  }

  /** Reason and detail of one quarantine row. */
  public record Verdict(String reason, String detail) {
    Verdict(Reason reason, String detail) {
      this(reason.code, detail);
    }
  }

  static final String TEXT_FIX =
      "convert it to WARC/WET (e.g. with warcio; a WET conversion record per "
          + "document), or, if it is already clean text, write it as Parquet with id and text columns and use "
          + "`tokenize --input`";

  /**
   * Refuses an input that is the output of one of our jobs (a clean output, token shards, a run or
   * a sweep): a mistake seen before Spark starts, which would otherwise run the whole job to
   * quarantine every file in it. {@code matches}: what clean.inputs matched, a glob's each.
   */
  static void refuseJobOutputs(java.util.List<FileStatus> matches, Configuration conf)
      throws IOException {
    for (FileStatus m : matches) {
      OutputKind kind =
          m.isDirectory() ? OutputKind.of(m.getPath().getFileSystem(conf), m.getPath()) : null;
      if (kind == null) continue;
      throw UserError.of(
          kind.label() + ", not crawl files:",
          m.getPath() + " (clean.inputs)",
          "the clean job reads WARC, WET and ARC files"
              + switch (kind) {
                case CLEAN ->
                    "; to tokenize this corpus: bin/pipeline tokenize --input "
                        + new Path(m.getPath(), CleanOutput.DOCS);
                case TOKENS -> "; pretrain and sweep read token shards: --tokens " + m.getPath();
                default -> "";
              });
    }
  }

  /**
   * The reason and detail for a file the reader found not to be a WARC; {@code readerDetail}
   * (binary data, ARC) is kept when the first bytes say nothing more useful.
   */
  public static Verdict classify(FileSystem fs, Path file, String readerDetail) {
    FileKind kind;
    try {
      kind = FileKind.sniff(fs, file);
    } catch (IOException e) {
      return new Verdict(CrawlItem.NOT_WARC, readerDetail);
    }
    return switch (kind) {
      case TEXT -> new Verdict(Reason.PLAIN_TEXT, "plain text, not a WARC/WET file; " + TEXT_FIX);
      case GZIP_TEXT ->
          new Verdict(Reason.GZIP_TEXT, "gzip-compressed text, not a WARC/WET file; " + TEXT_FIX);
      case UTF16 -> new Verdict(Reason.PLAIN_TEXT, "UTF-16 text, not a WARC/WET file; " + TEXT_FIX);
      case PARQUET -> new Verdict(Reason.PARQUET, parquetDetail(fs, file));
      case ZSTD ->
          new Verdict(
              CrawlItem.NOT_WARC,
              "zstd-compressed (a .warc.zst?), which the clean job does not read; decompress it"
                  + " first (zstd -d; a .warc.zst that opens with its own dictionary needs it:"
                  + " zstd -d -D <dictionary>)");
      case BINARY, GZIP_BINARY ->
          new Verdict(
              CrawlItem.NOT_WARC,
              kind.description()
                  + ", "
                  + readerDetail
                  + "; the clean job reads .warc, .warc.gz, .wet, .wet.gz, .arc and .arc.gz files");
      default -> new Verdict(CrawlItem.NOT_WARC, readerDetail);
    };
  }

  /** A matched directory without a single input file. */
  public static Verdict emptyDirectory() {
    return new Verdict(
        Reason.EMPTY_DIRECTORY,
        "the directory holds no input file (side files such as _SUCCESS and "
            + ".crc are not read); point --input at the crawl files");
  }

  private static String parquetDetail(FileSystem fs, Path file) {
    Path cleanOutput = cleanOutputAbove(fs, file);
    if (cleanOutput != null) {
      return "a Parquet file: this is a clean output ("
          + cleanOutput
          + "): did you mean `tokenize --input "
          + cleanOutput
          + "/docs`?";
    }
    return "a Parquet file, not a WARC/WET file: if this is a clean output, did you mean `tokenize --input`? "
        + "The clean job reads crawl files";
  }

  /**
   * The clean output directory (with stats.json and _COMPLETE) at most three levels above, or null.
   */
  private static Path cleanOutputAbove(FileSystem fs, Path file) {
    Path p = file.getParent();
    for (int i = 0; i < 3 && p != null; i++, p = p.getParent()) {
      try {
        if (CleanOutput.isComplete(fs, p)) {
          return p;
        }
      } catch (IOException e) {
        return null;
      }
    }
    return null;
  }
}
