package org.lmforge.pipeline.clean;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.lmforge.dataprep.ingest.CleanPage;
import org.lmforge.dataprep.ingest.IngestConfig;
import org.lmforge.dataprep.ingest.PageOutcome;
import org.lmforge.dataprep.ingest.PageProcessor;
import org.lmforge.dataprep.warc.CrawlFileReader;
import org.lmforge.dataprep.warc.CrawlItem;
import org.lmforge.pipeline.io.HadoopConf;
import org.lmforge.pipeline.io.HadoopCrawlSource;
import org.lmforge.pipeline.io.InputFiles.InputFile;
import scala.collection.JavaConverters;

/**
 * Reads crawl files (one Spark task per file; with fewer files than task slots the records are
 * spread over every slot before extraction) and turns every record into one item row: a page (kept,
 * or dropped by an ingest rule with its reason), a skipped record (counted), or a quarantined one
 * (file, offset, reason). All later outputs and counters are derived from these rows, so one pass
 * over the crawl gives the corpus, the quarantine and the statistics.
 */
public final class IngestStage {
  private IngestStage() {}

  /** What an item row is: a page (kept, or dropped by an ingest rule), or a record not read. */
  public enum Kind {
    PAGE,
    SKIPPED,
    QUARANTINED
  }

  /** The columns an item row has before the clean ones, in this order: what it is and why. */
  public enum ItemColumn {
    KIND,
    REASON,
    DETAIL,
    WARNING,
    WARC_TYPE;

    /** The column's name (reason and detail are also columns of the written quarantine). */
    public final String column = name().toLowerCase(Locale.ROOT);

    public Column col() {
      return functions.col(column);
    }
  }

  /** The clean schema plus what the item is and why. */
  public static final StructType ITEM_SCHEMA = itemSchema();

  private static StructType itemSchema() {
    List<StructField> f = new ArrayList<>();
    for (ItemColumn c : ItemColumn.values()) {
      f.add(DataTypes.createStructField(c.column, DataTypes.StringType, c != ItemColumn.KIND));
    }
    for (StructField c : CleanSchema.SCHEMA.fields()) {
      f.add(new StructField(c.name(), c.dataType(), true, c.metadata()));
    }
    return DataTypes.createStructType(f);
  }

  public static Dataset<Row> items(SparkSession spark, List<InputFile> files, IngestConfig cfg) {
    return items(spark, files, List.of(), cfg);
  }

  /**
   * One item row per record of {@code files}, plus one quarantined row per directory in {@code
   * emptyDirs} (reported where the user looks for their input, not silently ignored).
   */
  public static Dataset<Row> items(
      SparkSession spark, List<InputFile> files, List<String> emptyDirs, IngestConfig cfg) {
    HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
    List<String> paths = files.stream().map(InputFile::path).toList();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    jsc.setJobGroup("clean", "read crawl files, extract main text, identify language", false);
    int maxPageBytes = cfg.maxPageBytes();
    JavaRDD<CrawlItem> records =
        jsc.parallelize(paths, Math.max(1, paths.size()))
            .mapPartitions(it -> readFiles(it, maxPageBytes, conf));
    int slots = jsc.defaultParallelism();
    if (cfg.spreadRecords() && paths.size() < slots) {
      // Extraction and language ID cost far more than reading a record, and a crawl file is read
      // by one task: with fewer files than task slots the records are spread over every slot
      // first (a shuffle of the raw pages), so one file is not extracted by one core.
      records = records.repartition(slots);
    }
    JavaRDD<Row> rows =
        records.mapPartitions(
            it -> {
              PageProcessor processor = new PageProcessor(cfg); // one per partition, lazily mapped
              return JavaConverters.asJavaIterator(
                  JavaConverters.asScalaIterator(it).map(item -> toRow(item, processor)));
            });
    Dataset<Row> items = spark.createDataFrame(rows, ITEM_SCHEMA);
    if (emptyDirs.isEmpty()) {
      return items;
    }
    NotCrawlInput.Verdict v = NotCrawlInput.emptyDirectory();
    List<Row> dirs =
        emptyDirs.stream().map(d -> quarantinedFile(v.reason(), v.detail(), d)).toList();
    return items.union(spark.createDataFrame(dirs, ITEM_SCHEMA));
  }

  /** Every record of {@code files}, in order; a file that is not crawl input is one item. */
  private static Iterator<CrawlItem> readFiles(
      Iterator<String> files, int maxPageBytes, HadoopConf conf) {
    return new Iterator<>() {
      CrawlFileReader reader;
      HadoopCrawlSource source;
      CrawlItem unopened; // a file that could not even be opened: its one quarantine row

      @Override
      public boolean hasNext() {
        while (unopened == null && (reader == null || !reader.hasNext())) {
          if (reader != null) {
            reader.close();
            reader = null;
          }
          if (!files.hasNext()) {
            return false;
          }
          String file = files.next();
          try {
            source = new HadoopCrawlSource(file, conf);
            reader = new CrawlFileReader(source, maxPageBytes);
          } catch (java.io.IOException | RuntimeException e) {
            unopened = CrawlItem.malformed(file, 0, CrawlItem.UNREADABLE, "cannot open: " + e);
          }
        }
        return true;
      }

      @Override
      public CrawlItem next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        if (unopened != null) {
          CrawlItem r = unopened;
          unopened = null;
          return r;
        }
        CrawlItem item = reader.next();
        if (item.kind() == CrawlItem.Kind.MALFORMED
            && CrawlItem.NOT_WARC.equals(item.reason())
            && item.offset() == 0) {
          NotCrawlInput.Verdict v =
              NotCrawlInput.classify(source.fileSystem(), source.path(), item.detail());
          return CrawlItem.malformed(item.file(), 0, v.reason(), v.detail());
        }
        return item;
      }
    };
  }

  static Row toRow(CrawlItem item, PageProcessor processor) {
    return switch (item.kind()) {
      case SKIPPED, MALFORMED ->
          meta(
              item.kind() == CrawlItem.Kind.SKIPPED ? Kind.SKIPPED : Kind.QUARANTINED,
              item.reason(),
              item.detail(),
              null,
              item.warcType(),
              item.file(),
              item.offset());
      case PAGE -> {
        PageOutcome o = processor.process(item.record());
        if (o.kind() == PageOutcome.Kind.QUARANTINED) {
          yield meta(
              Kind.QUARANTINED,
              o.reason(),
              o.detail(),
              null,
              item.warcType(),
              item.file(),
              item.offset());
        }
        yield page(o, item.warcType());
      }
    };
  }

  /** A whole file (or directory) quarantined: its item row at offset 0, without a WARC type. */
  private static Row quarantinedFile(String reason, String detail, String file) {
    return meta(Kind.QUARANTINED, reason, detail, null, null, file, 0);
  }

  private static Row meta(
      Kind kind,
      String reason,
      String detail,
      String warning,
      String warcType,
      String file,
      long offset) {
    Object[] v = new Object[ITEM_SCHEMA.size()];
    v[ItemColumn.KIND.ordinal()] = kind.name();
    v[ItemColumn.REASON.ordinal()] = reason;
    v[ItemColumn.DETAIL.ordinal()] = detail;
    v[ItemColumn.WARNING.ordinal()] = warning;
    v[ItemColumn.WARC_TYPE.ordinal()] = warcType;
    v[ITEM_SCHEMA.fieldIndex(CleanSchema.SOURCE_FILE)] = file;
    v[ITEM_SCHEMA.fieldIndex(CleanSchema.RECORD_OFFSET)] = offset;
    return RowFactory.create(v);
  }

  private static Row page(PageOutcome o, String warcType) {
    CleanPage p = o.page();
    boolean dropped = o.kind() == PageOutcome.Kind.DROPPED;
    String dropFilter = dropped ? o.reason().substring(0, o.reason().indexOf('.')) : null;
    return RowFactory.create(
        Kind.PAGE.name(),
        o.reason(),
        o.detail(),
        o.warning(),
        warcType,
        p.id(),
        p.url(),
        p.domain(),
        p.crawlDate() == null ? null : Timestamp.from(p.crawlDate()),
        p.language(),
        p.languageScore(),
        p.title(),
        p.text(),
        p.text().length(),
        p.sourceFile(),
        p.recordOffset(),
        p.contentType(),
        p.httpStatus(),
        p.charsetDeclared(),
        p.charsetDetected(),
        p.robots(),
        dropFilter,
        dropped ? o.reason() : null);
  }

  /**
   * Page rows in the clean schema; pages dropped by an ingest rule carry drop_filter/drop_reason.
   */
  public static Dataset<Row> pages(Dataset<Row> items) {
    return items
        .filter(ItemColumn.KIND.col().equalTo(Kind.PAGE.name()))
        .select(CleanSchema.columns());
  }

  /** Quarantined records: where they are and why. */
  public static Dataset<Row> quarantine(Dataset<Row> items) {
    return items
        .filter(ItemColumn.KIND.col().equalTo(Kind.QUARANTINED.name()))
        .select(
            col(CleanSchema.SOURCE_FILE),
            col(CleanSchema.RECORD_OFFSET),
            ItemColumn.REASON.col(),
            ItemColumn.DETAIL.col());
  }
}
