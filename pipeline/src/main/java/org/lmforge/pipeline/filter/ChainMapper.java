package org.lmforge.pipeline.filter;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.filter.FilterChain;
import org.lmforge.dataprep.filter.Filters;
import org.lmforge.dataprep.filter.FiltersConfig;
import org.lmforge.pipeline.clean.CleanSchema;
import scala.collection.JavaConverters;

/**
 * One partition through the filter chain: Row to {@link Doc}, {@link FilterChain#apply}, Result
 * back to a Row of {@link FilterStage#outputSchema}. Lazy, so a partition is never held in memory.
 */
final class ChainMapper extends PartitionMapper<FilterChain> {
  private static final long serialVersionUID = 1L;

  private final FiltersConfig cfg;
  private final int width;
  private final int id;
  private final int url;
  private final int title;
  private final int text;
  private final int textLength;
  private final int language;
  private final int languageScore;
  private final int robots;
  private final int dropFilter;
  private final int dropReason;
  private final int sourceFile; // -1 if absent; only for error messages
  private final int recordOffset;

  ChainMapper(FiltersConfig cfg, StructType in) {
    this.cfg = cfg;
    this.width = in.size();
    this.id = in.fieldIndex(CleanSchema.ID);
    this.url = in.fieldIndex(CleanSchema.URL);
    this.title = in.fieldIndex(CleanSchema.TITLE);
    this.text = in.fieldIndex(CleanSchema.TEXT);
    this.textLength = in.fieldIndex(CleanSchema.TEXT_LENGTH);
    this.language = in.fieldIndex(CleanSchema.LANGUAGE);
    this.languageScore = in.fieldIndex(CleanSchema.LANGUAGE_SCORE);
    this.robots = in.fieldIndex(CleanSchema.ROBOTS);
    this.dropFilter = in.fieldIndex(CleanSchema.DROP_FILTER);
    this.dropReason = in.fieldIndex(CleanSchema.DROP_REASON);
    this.sourceFile = in.getFieldIndex(CleanSchema.SOURCE_FILE).getOrElse(() -> -1);
    this.recordOffset = in.getFieldIndex(CleanSchema.RECORD_OFFSET).getOrElse(() -> -1);
  }

  @Override
  protected FilterChain open() {
    return Filters.chain(cfg); // lists and models are cached per JVM
  }

  @Override
  protected Row map(FilterChain chain, Row row) {
    Object[] v = new Object[width + 2];
    for (int i = 0; i < width; i++) {
      v[i] = row.get(i);
    }
    if (!row.isNullAt(dropFilter)) {
      return RowFactory.create(v); // dropped by an earlier stage: untouched, no edits, no scores
    }
    FilterChain.Result r;
    try {
      r = chain.apply(doc(row), row.isNullAt(robots) ? null : row.getString(robots));
    } catch (RuntimeException e) {
      throw new IllegalStateException("filter chain failed on " + where(row) + ": " + e, e);
    }
    String newText = r.doc().text();
    if (!newText.equals(row.getString(text))) {
      v[text] = newText;
      v[textLength] = newText.length();
    }
    if (!r.kept()) {
      v[dropFilter] = r.droppedBy();
      v[dropReason] = r.reason();
    }
    v[width] = edits(r.edits());
    v[width + 1] = JavaConverters.mapAsScalaMapConverter(r.scores()).asScala();
    return RowFactory.create(v);
  }

  private Doc doc(Row row) {
    return new Doc(
        required(row, id, CleanSchema.ID),
        required(row, url, CleanSchema.URL),
        row.isNullAt(title) ? "" : row.getString(title),
        required(row, text, CleanSchema.TEXT),
        required(row, language, CleanSchema.LANGUAGE),
        row.isNullAt(languageScore) ? 0.0 : row.getDouble(languageScore));
  }

  private String required(Row row, int i, String name) {
    if (row.isNullAt(i)) {
      throw new IllegalArgumentException(
          "column '"
              + name
              + "' is null on "
              + where(row)
              + "; the clean schema requires it (fix the stage that wrote this row)");
    }
    return row.getString(i);
  }

  private static Object[] edits(List<FilterChain.Edit> edits) {
    Object[] out = new Object[edits.size()];
    for (int i = 0; i < out.length; i++) {
      FilterChain.Edit e = edits.get(i);
      Map<String, Integer> items = e.items();
      out[i] =
          RowFactory.create(
              e.filter(),
              Math.toIntExact(e.charsRemoved()),
              JavaConverters.mapAsScalaMapConverter(items).asScala());
    }
    return out;
  }

  private String where(Row row) {
    StringBuilder b =
        new StringBuilder("record id=").append(row.isNullAt(id) ? "null" : row.getString(id));
    if (sourceFile >= 0 && !row.isNullAt(sourceFile)) {
      b.append(" (").append(row.getString(sourceFile));
      if (recordOffset >= 0 && !row.isNullAt(recordOffset)) {
        b.append(" @ ").append(row.getLong(recordOffset));
      }
      b.append(')');
    }
    return b.toString();
  }
}
