package org.lmforge.pipeline.filter;

import static org.apache.spark.sql.functions.col;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.lmforge.dataprep.filter.FiltersConfig;
import org.lmforge.pipeline.clean.CleanSchema;
import org.lmforge.pipeline.clean.Redaction;

/**
 * {@code --keep-dropped}: the dropped rows, every column kept (text as the dropping filter saw it,
 * with the filter and reason), written as Parquet under {@code
 * <output>/rejected/drop_filter=<filter>/}, one folder per filter as in datatrove's per-filter
 * rejects. Reading {@code <output>/rejected} back restores {@code drop_filter} from the folder
 * names.
 *
 * <p>The PII filter runs last, so a row dropped by an earlier filter was not redacted by the chain:
 * pass the filters config and the rows are redacted as kept ones are ({@link Redaction#rejected});
 * the clean job does.
 */
public final class RejectedOutput {
  private RejectedOutput() {}

  public static final String DIR = "rejected";

  /**
   * {@code <output>/rejected}; {@code output} may be any Hadoop FS URI (file:, hdfs:, s3a:) or a
   * local path.
   */
  public static String path(String output) {
    return new Path(output, DIR).toString();
  }

  /**
   * Writes every row with a non-null {@code drop_filter} (this stage's drops and earlier stages'
   * alike) to {@link #path}(output), replacing what is there.
   *
   * @return the path written
   */
  public static String write(Dataset<Row> docs, String output) {
    return write(docs, output, SaveMode.Overwrite);
  }

  public static String write(Dataset<Row> docs, String output, SaveMode mode) {
    String path = path(output);
    docs.filter(col(CleanSchema.DROP_FILTER).isNotNull())
        .write()
        .mode(mode)
        .partitionBy(CleanSchema.DROP_FILTER)
        .parquet(path);
    return path;
  }

  /**
   * {@link #write} with every row's text and title PII-redacted as {@code cfg} redacts kept
   * documents.
   */
  public static String write(Dataset<Row> docs, String output, FiltersConfig cfg) {
    String path = path(output);
    Redaction.rejected(docs.filter(col(CleanSchema.DROP_FILTER).isNotNull()), cfg)
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy(CleanSchema.DROP_FILTER)
        .parquet(path);
    return path;
  }
}
