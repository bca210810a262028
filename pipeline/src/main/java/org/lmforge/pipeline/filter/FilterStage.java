package org.lmforge.pipeline.filter;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.lmforge.dataprep.filter.FilterChain;
import org.lmforge.dataprep.filter.Filters;
import org.lmforge.dataprep.filter.FiltersConfig;
import org.lmforge.pipeline.clean.CleanSchema;

/**
 * The quality/safety filter stage of the clean job: every row not yet dropped goes through the
 * dataprep {@link FilterChain} (built once per partition, lists cached per JVM). A dropped row gets
 * {@code drop_filter} = the filter and {@code drop_reason} = its {@code family.rule}; an edited row
 * gets the new {@code text} and {@code text_length}. Two columns are added: {@code filter_edits}
 * and {@code filter_scores}, both null on the rows that were dropped before this stage (they pass
 * through untouched), so "entered the stage" is {@code filter_edits IS NOT NULL}. The stage never
 * counts; {@link FilterStats} aggregates its output.
 */
public final class FilterStage {
  private FilterStage() {}

  public static final String FILTER_EDITS = "filter_edits";
  public static final String FILTER_SCORES = "filter_scores";

  /**
   * One element of {@code filter_edits}: a filter that edited the text, characters removed, items
   * by kind.
   */
  public static final StructType EDIT =
      new StructType()
          .add("filter", StringType, false)
          .add("chars_removed", IntegerType, false)
          .add("items", DataTypes.createMapType(StringType, IntegerType, false), false);

  public static final ArrayType EDITS_TYPE = DataTypes.createArrayType(EDIT, false);
  public static final MapType SCORES_TYPE = DataTypes.createMapType(StringType, DoubleType, false);

  private static final StructField EDITS_FIELD =
      new StructField(FILTER_EDITS, EDITS_TYPE, true, Metadata.empty())
          .withComment(
              "edits by the filters, in chain order (empty: not edited); null when dropped before this stage");
  private static final StructField SCORES_FIELD =
      new StructField(FILTER_SCORES, SCORES_TYPE, true, Metadata.empty())
          .withComment(
              "scores the filters that ran reported, e.g. lexical_safety.bad_word_ratio; null when dropped "
                  + "before this stage");

  /**
   * Output schema for a {@link CleanSchema} input: the clean columns, then filter_edits and
   * filter_scores.
   */
  public static final StructType SCHEMA = outputSchema(CleanSchema.SCHEMA);

  /** Columns the stage reads; any others pass through unchanged. */
  static final List<String> REQUIRED =
      List.of(
          CleanSchema.ID,
          CleanSchema.URL,
          CleanSchema.TITLE,
          CleanSchema.TEXT,
          CleanSchema.TEXT_LENGTH,
          CleanSchema.LANGUAGE,
          CleanSchema.LANGUAGE_SCORE,
          CleanSchema.ROBOTS,
          CleanSchema.DROP_FILTER,
          CleanSchema.DROP_REASON);

  /** The input schema with filter_edits and filter_scores appended. */
  public static StructType outputSchema(StructType in) {
    return new StructType(appended(in.fields()));
  }

  private static StructField[] appended(StructField[] in) {
    StructField[] out = Arrays.copyOf(in, in.length + 2);
    out[in.length] = EDITS_FIELD;
    out[in.length + 1] = SCORES_FIELD;
    return out;
  }

  /**
   * Runs the chain of {@code cfg} over {@code docs} (lazily: nothing runs until an action). The
   * config is validated here, on the driver, so a bad key fails before any task starts. Persist or
   * write the result before computing {@link FilterStats} on it, or the chain runs once per action.
   *
   * @throws IllegalArgumentException if a column the stage reads is missing or has the wrong type,
   *     if the input already has filter_edits/filter_scores, or if the config is invalid (the
   *     message names the key)
   */
  public static Dataset<Row> apply(Dataset<Row> docs, FiltersConfig cfg) {
    Filters.validate(cfg);
    StructType in = docs.schema();
    checkInput(in);
    StructType out = outputSchema(in);
    Dataset<Row> mapped = docs.mapPartitions(new ChainMapper(cfg, in), Encoders.row(out));
    // The row encoder drops column metadata; put the comments back (they end up in the Parquet
    // schema).
    return mapped.select(
        Arrays.stream(out.fields())
            .map(f -> functions.col(f.name()).as(f.name(), f.metadata()))
            .toArray(Column[]::new));
  }

  private static void checkInput(StructType in) {
    List<String> names = Arrays.asList(in.fieldNames());
    for (String name : REQUIRED) {
      if (!names.contains(name)) {
        throw badInput(
            "input has no column '%s'; it needs the clean schema"
                + " (org.lmforge.pipeline.clean.CleanSchema), got %s",
            name, in.simpleString());
      }
      DataType want = CleanSchema.SCHEMA.apply(name).dataType();
      DataType got = in.apply(name).dataType();
      if (!want.equals(got)) {
        throw badInput(
            "column '%s' is %s, expected %s (CleanSchema)",
            name, got.simpleString(), want.simpleString());
      }
    }
    for (String name : List.of(FILTER_EDITS, FILTER_SCORES)) {
      if (names.contains(name)) {
        throw badInput(
            "input already has column '%s' (filters ran already?); drop it before running the"
                + " stage again",
            name);
      }
    }
  }

  /** An input the stage cannot run on; the message says so and why. */
  private static IllegalArgumentException badInput(String format, Object... args) {
    return new IllegalArgumentException("filter stage: " + String.format(format, args));
  }
}
