package org.lmforge.pipeline.clean;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.lmforge.dataprep.filter.FiltersConfig;
import org.lmforge.dataprep.filter.pii.PiiConfig;
import org.lmforge.dataprep.filter.pii.PiiFilter;
import org.lmforge.dataprep.filter.pii.PiiRedactor;
import org.lmforge.pipeline.filter.PartitionMapper;

/**
 * Nothing unredacted leaves the job. The PII filter runs last in the chain, so a page dropped
 * before it (by a filter, an ingest rule or dedupe) still holds its e-mails and card numbers, and a
 * quarantine detail can quote the bytes of a broken record. Before they are written, rejected rows
 * get the same redaction as kept ones (text and title), and quarantine details become a short
 * redacted excerpt. Both follow {@code filters.pii} and apply when the {@code pii} filter is
 * enabled; the excerpt is cut to {@link #EXCERPT_CHARS} always.
 */
public final class Redaction {
  private Redaction() {}

  /** Longest quarantine detail written (after redaction; a cut is marked with "…"). */
  public static final int EXCERPT_CHARS = 200;

  /** Rejected rows with {@code text}, {@code text_length} and {@code title} redacted. */
  public static Dataset<Row> rejected(Dataset<Row> rows, FiltersConfig cfg) {
    if (!cfg.enabled().contains(PiiFilter.NAME)) return rows;
    StructType schema = rows.schema();
    return rows.mapPartitions(new RedactColumns(cfg.pii(), schema, true), Encoders.row(schema));
  }

  /** Quarantine rows with {@code detail} cut to a short excerpt and redacted. */
  public static Dataset<Row> quarantine(Dataset<Row> rows, FiltersConfig cfg) {
    StructType schema = rows.schema();
    PiiConfig pii = cfg.enabled().contains(PiiFilter.NAME) ? cfg.pii() : null;
    return rows.mapPartitions(new RedactColumns(pii, schema, false), Encoders.row(schema));
  }

  /**
   * A redacted excerpt of {@code detail}: PII replaced first, then cut, so no value is half left.
   */
  public static String excerpt(String detail, PiiRedactor redactor) {
    if (detail == null) return null;
    String s = redactor == null ? detail : redactor.redact(detail, "unknown").text();
    return s.length() <= EXCERPT_CHARS ? s : s.substring(0, EXCERPT_CHARS - 1) + "\u2026";
  }

  private static final class RedactColumns extends PartitionMapper<PiiRedactor> {
    private static final long serialVersionUID = 1L;
    private final PiiConfig pii;
    private final boolean page;
    private final int text;
    private final int textLength;
    private final int title;
    private final int language;
    private final int detail;

    RedactColumns(PiiConfig pii, StructType schema, boolean page) {
      this.pii = pii;
      this.page = page;
      this.text = index(schema, CleanSchema.TEXT);
      this.textLength = index(schema, CleanSchema.TEXT_LENGTH);
      this.title = index(schema, CleanSchema.TITLE);
      this.language = index(schema, CleanSchema.LANGUAGE);
      this.detail = index(schema, IngestStage.ItemColumn.DETAIL.column);
    }

    private static int index(StructType schema, String name) {
      return java.util.Arrays.asList(schema.fieldNames()).indexOf(name);
    }

    @Override
    protected PiiRedactor open() {
      return pii == null ? null : new PiiRedactor(pii);
    }

    @Override
    protected Row map(PiiRedactor redactor, Row r) {
      List<Object> v = new ArrayList<>(r.length());
      for (int i = 0; i < r.length(); i++) v.add(r.get(i));
      if (page) {
        String lang = language >= 0 ? r.getString(language) : "unknown";
        if (text >= 0 && !r.isNullAt(text)) {
          String red = redactor.redact(r.getString(text), lang).text();
          v.set(text, red);
          if (textLength >= 0) v.set(textLength, red.length());
        }
        if (title >= 0 && !r.isNullAt(title))
          v.set(title, redactor.redact(r.getString(title), lang).text());
      } else if (detail >= 0) {
        v.set(detail, excerpt(r.getString(detail), redactor));
      }
      return RowFactory.create(v.toArray());
    }
  }
}
