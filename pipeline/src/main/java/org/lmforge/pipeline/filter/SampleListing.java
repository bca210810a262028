package org.lmforge.pipeline.filter;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lmforge.pipeline.clean.CleanSchema;
import org.lmforge.pipeline.io.Columns;
import org.lmforge.pipeline.io.ParquetDir;
import org.lmforge.pipeline.job.Progress;
import org.lmforge.pipeline.job.UserError;

/**
 * Lists a sample of kept or dropped documents of a written clean output: URL, verdict and the first
 * 300 characters of text. The sample is the {@code n} rows with the smallest hash of their id, so
 * it is spread over the whole output and the same on every run.
 *
 * <p>{@code path} is either a Parquet dataset with the clean columns (all rows,
 * drop_filter/drop_reason set on the dropped ones) or a job output folder holding {@code docs/} or
 * {@code kept/} and/or {@code rejected/} (see {@link RejectedOutput}); a {@code kept/} without drop
 * columns counts as kept.
 */
public final class SampleListing {
  private SampleListing() {}

  public static final String KEPT = "kept";
  public static final String DROPPED = "dropped";
  static final int PREVIEW_CHARS = 300;

  /**
   * Prints up to {@code n} documents matching {@code selector}: {@code kept}, {@code dropped}, a
   * filter or stage name ({@code c4}) or a reason ({@code c4.too_few_sentences}).
   *
   * @return the number of documents printed
   */
  public static int print(SparkSession spark, String path, String selector, int n, Progress out) {
    requireCount(n);
    Dataset<Row> docs = read(spark, path);
    Column filter = col(CleanSchema.DROP_FILTER);
    Column match =
        switch (selector) {
          case KEPT -> filter.isNull();
          case DROPPED -> filter.isNotNull();
          default -> filter.equalTo(selector).or(col(CleanSchema.DROP_REASON).equalTo(selector));
        };
    List<Row> rows =
        docs.filter(match)
            .select(
                col(CleanSchema.URL), filter, col(CleanSchema.DROP_REASON), col(CleanSchema.TEXT))
            .orderBy(xxhash64(col(CleanSchema.ID)), col(CleanSchema.ID))
            .limit(n)
            .collectAsList();
    if (rows.isEmpty() && n > 0) {
      List<String> dropped = present(docs);
      out.line(
          "no documents match '"
              + selector
              + "' in "
              + path
              + (dropped.isEmpty()
                  ? ": it holds no dropped document (the clean job writes them only with"
                      + " --keep-dropped); use kept"
                  : "; use kept, dropped, or one of: " + String.join(", ", dropped)));
      return 0;
    }
    int i = 0;
    for (Row r : rows) {
      String verdict =
          r.isNullAt(1) ? KEPT : r.getString(1) + " " + (r.isNullAt(2) ? "" : r.getString(2));
      out.line("[" + ++i + "] " + verdict.strip() + "  " + r.getString(0));
      out.line("    " + preview(r.isNullAt(3) ? "" : r.getString(3)));
    }
    return rows.size();
  }

  /** {@code n} is a number of documents to list (show-docs' -n), else a {@link UserError}. */
  static void requireCount(int n) {
    if (n < 0) {
      throw new UserError("-n " + n + ": give the number of documents to list (>= 0)");
    }
  }

  /** The first 300 characters on one line; a line break shows as " | ". */
  static String preview(String text) {
    String head = text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) + " ..." : text;
    return head.replaceAll("\\s*\\R\\s*", " | ");
  }

  /**
   * The output at {@code path}: kept/ and rejected/ under it if there are any, else {@code path}
   * itself.
   */
  static Dataset<Row> read(SparkSession spark, String path) {
    List<String> parts = new ArrayList<>();
    try {
      Path root = new Path(path);
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(root)) {
        throw new UserError(path + ": no such output; give the clean job's output folder");
      }
      for (String sub :
          List.of("docs", KEPT, RejectedOutput.DIR)) { // docs/: the clean job's kept documents
        if (fs.exists(new Path(root, sub))) {
          parts.add(new Path(root, sub).toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": " + e.getMessage(), e);
    }
    if (parts.isEmpty()) {
      parts.add(path);
    }
    Dataset<Row> all = null;
    for (String p : parts) {
      Dataset<Row> d =
          withDropColumns(ParquetDir.read(spark, path, "give one clean job's output directory", p));
      all = all == null ? d : all.unionByName(d, true);
    }
    for (String c : List.of(CleanSchema.ID, CleanSchema.URL, CleanSchema.TEXT)) {
      Columns.require(
          all.schema(), "the clean output", path, c, null, "give the clean job's output folder");
    }
    return all;
  }

  private static Dataset<Row> withDropColumns(Dataset<Row> d) {
    for (String c : List.of(CleanSchema.DROP_FILTER, CleanSchema.DROP_REASON)) {
      if (!Arrays.asList(d.columns()).contains(c)) {
        d = d.withColumn(c, lit(null).cast("string"));
      }
    }
    return d;
  }

  /** The filters and reasons of the dropped documents in {@code docs}, sorted. */
  private static List<String> present(Dataset<Row> docs) {
    List<String> names = new ArrayList<>();
    for (Row r :
        docs.filter(col(CleanSchema.DROP_FILTER).isNotNull())
            .select(col(CleanSchema.DROP_FILTER), col(CleanSchema.DROP_REASON))
            .distinct()
            .orderBy(col(CleanSchema.DROP_FILTER), col(CleanSchema.DROP_REASON))
            .collectAsList()) {
      if (!names.contains(r.getString(0))) {
        names.add(r.getString(0));
      }
      if (!r.isNullAt(1)) {
        names.add(r.getString(1));
      }
    }
    return names;
  }
}
