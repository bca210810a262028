package org.lmforge.pipeline.clean;

import java.util.Arrays;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Columns of the clean schema, for the test corpora that stand in for a clean output (dedupe,
 * tokenize): named and typed as {@link CleanSchema} has them, so that a corpus follows the clean
 * job's schema, but nullable, so that a corpus can plant the null texts and ids that a Parquet file
 * not written by the clean job may hold.
 */
public final class CleanColumns {
  private CleanColumns() {}

  public static StructType nullable(String... names) {
    return new StructType(
        Arrays.stream(names)
            .map(CleanSchema.SCHEMA::apply)
            .map(f -> new StructField(f.name(), f.dataType(), true, f.metadata()))
            .toArray(StructField[]::new));
  }
}
