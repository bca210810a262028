package org.lmforge.pipeline.filter;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lmforge.pipeline.clean.CleanSchema;
import org.lmforge.pipeline.io.Json;

/**
 * Counts of the filter stage, computed by three aggregations over its output (exact under task
 * retries and speculation, unlike accumulators). Serialises to JSON with Jackson ({@link #toJson}).
 *
 * @param docsIn rows that entered the stage (not dropped before it)
 * @param passedThrough rows dropped before the stage, passed through untouched
 * @param kept rows that left the stage kept
 * @param dropped rows the stage dropped
 * @param filters one entry per configured filter, in chain order
 * @param dropTable drops by (filter, reason), in chain order, most frequent reason first
 * @param editItems items edited by kind over all documents, e.g. {@code pii.email}, {@code
 *     c4.line_javascript}
 */
public record FilterStats(
    long docsIn,
    long passedThrough,
    long kept,
    long dropped,
    List<PerFilter> filters,
    List<DropRow> dropTable,
    Map<String, Long> editItems) {

  /**
   * One filter's counts.
   *
   * @param docsIn documents that reached it: entered the stage and not dropped by an earlier filter
   * @param dropped documents it dropped
   * @param modified documents it edited (kept or dropped later)
   * @param charsRemoved characters its edits removed or replaced, over all documents
   */
  public record PerFilter(
      String filter, long docsIn, long dropped, long modified, long charsRemoved) {}

  /**
   * One line of the drop table.
   *
   * @param share count over the documents that entered the stage ({@link FilterStats#docsIn})
   */
  public record DropRow(String filter, String reason, long count, double share) {}

  /**
   * Counts over the stage output of {@link FilterStage#apply} run with the chain order {@code
   * enabled}.
   */
  public static FilterStats compute(Dataset<Row> filtered, List<String> enabled) {
    Column entered = col(FilterStage.FILTER_EDITS).isNotNull();
    Column dropFilter = col(CleanSchema.DROP_FILTER);

    // One pass: per filter, documents that reached it, dropped by it, edited by it, and characters
    // removed.
    List<Column> aggs = new ArrayList<>();
    aggs.add(count(lit(1)));
    aggs.add(sumIf(entered));
    aggs.add(sumIf(entered.and(dropFilter.isNull())));
    for (int k = 0; k < enabled.size(); k++) {
      String name = enabled.get(k);
      aggs.add(
          sumIf(
              entered.and(
                  dropFilter
                      .isNull()
                      .or(dropFilter.isin(enabled.subList(k, enabled.size()).toArray())))));
      aggs.add(sumIf(entered.and(dropFilter.equalTo(name))));
      aggs.add(
          sumIf(expr("exists(" + FilterStage.FILTER_EDITS + ", e -> e.filter = '" + name + "')")));
      aggs.add(
          coalesce(
              sum(
                  expr(
                      "aggregate(filter("
                          + FilterStage.FILTER_EDITS
                          + ", e -> e.filter = '"
                          + name
                          + "'), 0L, (acc, e) -> acc + e.chars_removed)")),
              lit(0L)));
    }
    Row a = filtered.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0])).first();
    long total = a.getLong(0);
    long docsIn = a.getLong(1);
    long kept = a.getLong(2);

    Map<String, Long> items = new TreeMap<>();
    for (Row r :
        filtered
            .select(explode(col(FilterStage.FILTER_EDITS)).as("e"))
            .select(explode(col("e.items")))
            .groupBy(col("key"))
            .agg(sum(col("value").cast("long")))
            .collectAsList()) {
      items.put(r.getString(0), r.getLong(1));
    }

    List<PerFilter> perFilter = new ArrayList<>();
    for (int k = 0; k < enabled.size(); k++) {
      String name = enabled.get(k);
      int at = 3 + 4 * k;
      perFilter.add(
          new PerFilter(
              name, a.getLong(at), a.getLong(at + 1), a.getLong(at + 2), a.getLong(at + 3)));
    }

    List<DropRow> drops = new ArrayList<>();
    for (Row r :
        filtered
            .filter(entered.and(dropFilter.isNotNull()))
            .groupBy(dropFilter, col(CleanSchema.DROP_REASON))
            .count()
            .collectAsList()) {
      long c = r.getLong(2);
      drops.add(
          new DropRow(r.getString(0), r.getString(1), c, docsIn == 0 ? 0.0 : (double) c / docsIn));
    }
    drops.sort(
        Comparator.<DropRow>comparingInt(d -> enabled.indexOf(d.filter()))
            .thenComparing(Comparator.comparingLong(DropRow::count).reversed())
            .thenComparing(DropRow::reason));
    return new FilterStats(docsIn, total - docsIn, kept, docsIn - kept, perFilter, drops, items);
  }

  private static Column sumIf(Column c) {
    return sum(when(c, 1L).otherwise(0L));
  }

  /** The edited items of kind {@code pii.*}: redactions per kind. */
  public Map<String, Long> pii() {
    Map<String, Long> out = new TreeMap<>();
    editItems.forEach(
        (k, v) -> {
          if (k.startsWith("pii.")) {
            out.put(k, v);
          }
        });
    return out;
  }

  /** Drops per filter, summed from the drop table (equals {@link PerFilter#dropped}). */
  public Map<String, Long> droppedByFilter() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (DropRow d : dropTable) {
      out.merge(d.filter(), d.count(), Long::sum);
    }
    return out;
  }

  /** The drop table as aligned text lines for logs and the report. */
  public String formatDropTable() {
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT, "%-20s %-40s %10s %8s%n", "filter", "reason", "count", "share"));
    for (DropRow d : dropTable) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-20s %-40s %10d %7.2f%%%n",
              d.filter(),
              d.reason(),
              d.count(),
              100 * d.share()));
    }
    return b.toString();
  }

  public String toJson() {
    try {
      return Json.PRETTY.writeValueAsString(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static FilterStats fromJson(String json) {
    try {
      return Json.PRETTY.readValue(json, FilterStats.class);
    } catch (IOException e) {
      throw new UncheckedIOException("not a FilterStats JSON: " + e.getMessage(), e);
    }
  }
}
