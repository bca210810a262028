package org.lmforge.pipeline.io;

import java.util.Arrays;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.lmforge.pipeline.job.UserError;

/**
 * The columns a command reads from a Parquet input it did not write (tokenize, eval, train-quality,
 * show-docs), checked on the schema before a row is read: a missing column, or a text column that
 * holds numbers, is a {@link UserError} naming the input, the column, what is there instead and the
 * fix, where Spark would fail inside a task (an AnalysisException, or a ClassCastException when a
 * row is read as a string).
 */
public final class Columns {
  private Columns() {}

  /**
   * {@code schema}, read from {@code input} (named in messages as {@code role}, e.g. "the tokenize
   * input"), has a column {@code name}; of type {@code type} unless that is null.
   */
  public static void require(
      StructType schema, String role, String input, String name, DataType type, String fix) {
    if (!Arrays.asList(schema.fieldNames()).contains(name)) {
      throw UserError.of(
          role + " has no column \"" + name + "\":",
          input + " (its columns: " + String.join(", ", schema.fieldNames()) + ")",
          fix);
    }
    DataType found = schema.apply(name).dataType();
    if (type != null && !type.equals(found)) {
      throw UserError.of(
          role
              + "'s column \""
              + name
              + "\" is "
              + found.simpleString()
              + ", not "
              + type.simpleString()
              + ", in",
          input,
          fix);
    }
  }
}
