package org.lmforge.pipeline.io;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lmforge.pipeline.job.UserError;

/**
 * The one check of the columns a command reads from a Parquet input it did not write (the schema of
 * a file whose "text" holds numbers, as a user's export can have).
 */
class ColumnsTest {
  static final StructType NUMBERS = new StructType().add("id", StringType).add("text", IntegerType);
  static final String FIX = "give the clean job's docs/";

  @Test
  void aMissingColumnIsNamedWithTheColumnsThereAre() {
    UserError e =
        assertThrows(
            UserError.class,
            () -> Columns.require(NUMBERS, "the eval input", "/d/x.parquet", "body", null, FIX));
    assertEquals(
        "the eval input has no column \"body\": /d/x.parquet (its columns: id, text);"
            + " give the clean job's docs/",
        e.getMessage());
  }

  @Test
  void aColumnOfAnotherTypeIsNamedWithItsType() {
    UserError e =
        assertThrows(
            UserError.class,
            () ->
                Columns.require(
                    NUMBERS, "the eval input", "/d/x.parquet", "text", StringType, FIX));
    assertEquals(
        "the eval input's column \"text\" is int, not string, in /d/x.parquet;"
            + " give the clean job's docs/",
        e.getMessage());
  }

  @Test
  void aColumnThatIsThereOfTheRightTypeOrOfAnyTypePasses() {
    Columns.require(NUMBERS, "the eval input", "/d/x.parquet", "id", StringType, FIX);
    Columns.require(NUMBERS, "the eval input", "/d/x.parquet", "text", null, FIX);
  }
}
