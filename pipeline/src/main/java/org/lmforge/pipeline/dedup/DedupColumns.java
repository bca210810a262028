package org.lmforge.pipeline.dedup;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.unix_micros;

import org.apache.spark.sql.Column;

/**
 * Column names of the contract with the clean job, the columns dedupe adds, and its drop reasons.
 */
public final class DedupColumns {
  // Input columns (clean schema).
  public static final String ID = "id";
  public static final String URL = "url";
  public static final String CRAWL_DATE = "crawl_date";
  public static final String TEXT = "text";
  public static final String TEXT_LENGTH = "text_length";
  public static final String DROP_FILTER = "drop_filter";
  public static final String DROP_REASON = "drop_reason";

  // Added columns; null on rows that were dropped before this stage.
  /** Characters removed by line dedupe (line plus its line break). */
  public static final String LINE_CHARS_REMOVED = "dedup_line_chars_removed";

  /** Lines removed by line dedupe. */
  public static final String LINES_REMOVED = "dedup_lines_removed";

  /** Id of the kept document of this document's near-duplicate cluster; null outside clusters. */
  public static final String CLUSTER_ID = "dup_cluster_id";

  /** Number of documents in that cluster. */
  public static final String CLUSTER_SIZE = "dup_cluster_size";

  /** For a dropped duplicate (any level): the id of the document kept in its place. */
  public static final String DUP_OF = "dup_of";

  /** drop_filter of every row this stage drops. */
  public static final String FILTER = "dedup";

  /** Same id as another input row (one document read from several input files). */
  public static final String REASON_ID = "dedup.id";

  public static final String REASON_URL = "dedup.url";
  public static final String REASON_EXACT = "dedup.exact";

  /** Every line of the document occurs in earlier documents, nothing is left. */
  public static final String REASON_LINE = "dedup.line";

  public static final String REASON_NEAR = "dedup.near";

  private DedupColumns() {}

  /**
   * Sort columns, ascending, that put the document to keep first: for "newest" the latest
   * crawl_date, then the longest text; for "longest" the other way round; then the smallest id. A
   * null date or length sorts last.
   */
  public static Column[] keepOrder(String keep) {
    Column newestFirst =
        lit(0L).minus(coalesce(unix_micros(col(CRAWL_DATE)), lit(-Long.MAX_VALUE)));
    Column longestFirst = lit(0L).minus(coalesce(col(TEXT_LENGTH).cast("long"), lit(-1L)));
    return "longest".equals(keep)
        ? new Column[] {longestFirst, newestFirst, col(ID)}
        : new Column[] {newestFirst, longestFirst, col(ID)};
  }

  /**
   * The same order as one struct, so that {@code min(keepRank(...))} picks the document to keep.
   */
  public static Column keepRank(String keep) {
    return struct(keepOrder(keep));
  }
}
