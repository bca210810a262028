package org.lmforge.pipeline.clean;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The clean corpus: one row per page. Written as Parquet (zstd) partitioned by {@code language};
 * the later stages (filters, dedupe) keep these columns and add their own. {@code
 * drop_filter}/{@code drop_reason} are null for a kept document and name the stage and rule that
 * dropped it otherwise.
 */
public final class CleanSchema {
  private CleanSchema() {}

  public static final String ID = "id";
  public static final String URL = "url";
  public static final String DOMAIN = "domain";
  public static final String CRAWL_DATE = "crawl_date";
  public static final String LANGUAGE = "language";
  public static final String LANGUAGE_SCORE = "language_score";
  public static final String TITLE = "title";
  public static final String TEXT = "text";
  public static final String TEXT_LENGTH = "text_length";
  public static final String SOURCE_FILE = "source_file";
  public static final String RECORD_OFFSET = "record_offset";
  public static final String CONTENT_TYPE = "content_type";
  public static final String HTTP_STATUS = "http_status";
  public static final String CHARSET_DECLARED = "charset_declared";
  public static final String CHARSET_DETECTED = "charset_detected";
  public static final String ROBOTS = "robots";
  public static final String DROP_FILTER = "drop_filter";
  public static final String DROP_REASON = "drop_reason";

  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            field(ID, StringType, false, "WARC-Record-ID of the capture"),
            field(URL, StringType, false, "WARC-Target-URI"),
            field(DOMAIN, StringType, true, "host of the URL, lower case, without a leading www."),
            field(
                CRAWL_DATE,
                TimestampType,
                true,
                "WARC-Date (UTC); null when the record's date does not parse"),
            field(LANGUAGE, StringType, false, "ISO 639-1 code from Lingua, or 'unknown'"),
            field(
                LANGUAGE_SCORE,
                DoubleType,
                false,
                "0..1: margin of the best language over the runner-up (Lingua)"),
            field(TITLE, StringType, true, "page title"),
            field(TEXT, StringType, false, "main text, blocks separated by a newline"),
            field(TEXT_LENGTH, IntegerType, false, "characters (UTF-16 code units) of text"),
            field(SOURCE_FILE, StringType, false, "crawl file the record came from"),
            field(
                RECORD_OFFSET,
                LongType,
                false,
                "byte offset of the record in that file (compressed for .gz)"),
            field(
                CONTENT_TYPE,
                StringType,
                true,
                "payload media type (text/html, or text/plain for WET)"),
            field(
                HTTP_STATUS,
                IntegerType,
                false,
                "HTTP status of the capture (200), or 0 for records without HTTP (WET)"),
            field(
                CHARSET_DECLARED,
                StringType,
                true,
                "charset named by HTTP header or meta tag, as written"),
            field(CHARSET_DETECTED, StringType, false, "charset actually used to decode the page"),
            field(
                ROBOTS,
                StringType,
                true,
                "robots directives: meta robots tags and X-Robots-Tag, joined"),
            field(DROP_FILTER, StringType, true, "stage that dropped the document; null when kept"),
            field(
                DROP_REASON, StringType, true, "rule that dropped it, family.rule; null when kept"),
          });

  /** All columns, in schema order, for {@code select}. */
  public static org.apache.spark.sql.Column[] columns() {
    return java.util.Arrays.stream(SCHEMA.fieldNames())
        .map(org.apache.spark.sql.functions::col)
        .toArray(org.apache.spark.sql.Column[]::new);
  }

  private static StructField field(
      String name, org.apache.spark.sql.types.DataType type, boolean nullable, String comment) {
    return new StructField(name, type, nullable, Metadata.empty()).withComment(comment);
  }
}
