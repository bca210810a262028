package org.lmforge.pipeline.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.lmforge.dataprep.SharedData;
import org.lmforge.dataprep.doc.Doc;
import org.lmforge.dataprep.extract.Extraction;
import org.lmforge.dataprep.extract.MainTextExtractor;
import org.lmforge.dataprep.filter.FiltersConfig;
import org.lmforge.pipeline.clean.CleanSchema;
import org.lmforge.pipeline.io.EuroparlLines;

/**
 * Real input for the filter-stage tests and benchmark: rows of {@link CleanSchema} from
 * extraction-dev pages (main text by the dataprep extractor, robots meta tags as on the page) and
 * Europarl documents (title TAB date TAB body; paragraphs on lines). Some rows are marked dropped
 * by an earlier stage, and some Europarl rows carry a {@code noai} robots directive, so the
 * pass-through and opt-out paths run.
 */
public final class FilterCorpus {
  private FilterCorpus() {}

  static final String PRE_FILTER = "extract";
  static final String PRE_REASON = "extract.test_marked";

  /** ../shared/data, or null when absent. */
  public static Path shared() {
    Path p = SharedData.dir();
    return Files.isDirectory(p) ? p : null;
  }

  /**
   * The default chain: it carries the bundled URL word lists and LDNOOBW lists, so rows get their
   * scores.
   */
  public static FiltersConfig config() {
    return FiltersConfig.defaults();
  }

  /**
   * The extraction-dev pages (up to {@code pages}) then Europarl documents (up to {@code
   * europarl}).
   */
  public static List<Row> rows(int pages, int europarl) {
    List<Row> out = new ArrayList<>();
    out.addAll(pages(pages));
    out.addAll(europarl(europarl));
    return out;
  }

  /** The Doc the stage builds from a row (title null becomes ""). */
  public static Doc doc(Row r) {
    return new Doc(
        r.getString(0),
        r.getString(1),
        r.isNullAt(6) ? "" : r.getString(6),
        r.getString(7),
        r.getString(4),
        r.getDouble(5));
  }

  public static String robots(Row r) {
    int i = CleanSchema.SCHEMA.fieldIndex(CleanSchema.ROBOTS);
    return r.isNullAt(i) ? null : r.getString(i);
  }

  public static boolean preDropped(Row r) {
    return !r.isNullAt(CleanSchema.SCHEMA.fieldIndex(CleanSchema.DROP_FILTER));
  }

  /** Whether the extraction-dev pages are here (../shared/data); without them, Europarl alone. */
  public static boolean hasPages() {
    Path shared = shared();
    return shared != null && Files.isRegularFile(shared.resolve("extraction-dev/evaldata.json"));
  }

  public static List<Row> pages(int max) {
    if (!hasPages()) {
      return List.of();
    }
    Path shared = shared();
    Path dir = shared.resolve("extraction-dev");
    Map<String, String> urlOf = new TreeMap<>(); // file -> url, in file order
    try {
      JsonNode eval = new ObjectMapper().readTree(dir.resolve("evaldata.json").toFile());
      for (Iterator<Map.Entry<String, JsonNode>> it = eval.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        urlOf.put(e.getValue().get("file").asText(), e.getKey());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    MainTextExtractor extractor = new MainTextExtractor();
    List<Row> out = new ArrayList<>();
    for (Map.Entry<String, String> e : urlOf.entrySet()) {
      if (out.size() >= max) {
        break;
      }
      Path file = dir.resolve("html").resolve(e.getKey() + ".gz");
      String html;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException ex) {
        throw new UncheckedIOException(file.toString(), ex);
      }
      Extraction x = extractor.extract(html, e.getValue());
      String robots = robotsMeta(Jsoup.parse(html));
      int i = out.size();
      out.add(
          row(
              "page-" + e.getKey(),
              e.getValue(),
              x.title(),
              x.text(),
              "text/html",
              robots,
              file.toString(),
              0L,
              i % 25 == 7));
    }
    return out;
  }

  /** Content of the robots meta tags, joined with ", " as the ingest stage does; null if none. */
  private static String robotsMeta(Document d) {
    List<String> parts = new ArrayList<>();
    for (Element m : d.select("meta[name~=(?i)^(robots|googlebot)$]")) {
      parts.add(m.attr("content"));
    }
    return parts.isEmpty() ? null : String.join(", ", parts);
  }

  public static List<Row> europarl(int max) {
    List<Row> out = new ArrayList<>();
    for (EuroparlLines.Line line : EuroparlLines.first(max)) {
      String body = String.join("\n", line.body().strip().split(" {2,}"));
      int i = out.size();
      out.add(
          row(
              "europarl-" + line.number(),
              "https://www.europarl.europa.eu/debates/" + line.date() + "/" + line.number(),
              line.title(),
              body,
              "text/plain",
              i % 13 == 5 ? "index, follow, noai" : null,
              EuroparlLines.RESOURCE,
              line.number(),
              i % 25 == 11));
    }
    return out;
  }

  private static Row row(
      String id,
      String url,
      String title,
      String text,
      String contentType,
      String robots,
      String source,
      long offset,
      boolean preDropped) {
    String[] lang = guessLanguage(text);
    return RowFactory.create(
        id,
        url,
        host(url),
        new Timestamp(1_700_000_000_000L),
        lang[0],
        Double.parseDouble(lang[1]),
        title,
        text,
        text.length(),
        source,
        offset,
        contentType,
        200,
        null,
        "UTF-8",
        robots,
        preDropped ? PRE_FILTER : null,
        preDropped ? PRE_REASON : null);
  }

  /**
   * Host without a leading www., lower case; a URL whose host has an underscore still gives one.
   */
  private static String host(String url) {
    String rest = url.substring(url.indexOf("://") + 3);
    return rest.split("[/:?#]", 2)[0].toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
  }

  private static final String[][] FUNCTION_WORDS = {
    {"en", "the", "and", "of", "to", "is"}, {"de", "der", "die", "und", "das", "ist"},
    {"fr", "le", "la", "et", "les", "des"}, {"es", "el", "que", "los", "del", "las"},
    {"it", "il", "che", "di", "per", "della"}, {"nl", "het", "een", "van", "en", "niet"},
    {"pl", "w", "nie", "się", "na", "jest"}, {"pt", "não", "do", "da", "os", "uma"},
    {"sv", "och", "att", "det", "som", "är"}, {"da", "og", "at", "af", "til", "er"},
    {"fi", "ja", "on", "että", "ei", "se"}
  };

  /**
   * A cheap stand-in for Lingua: the language whose function words are most frequent, with their
   * share.
   */
  public static String[] guessLanguage(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
    String best = "unknown";
    int bestHits = 0;
    for (String[] lang : FUNCTION_WORDS) {
      int hits = 0;
      for (String w : words) {
        for (int k = 1; k < lang.length; k++) {
          if (w.equals(lang[k])) {
            hits++;
          }
        }
      }
      if (hits > bestHits) {
        best = lang[0];
        bestHits = hits;
      }
    }
    if (bestHits < 3) {
      return new String[] {"unknown", "0.0"};
    }
    return new String[] {
      best, Double.toString(Math.min(1.0, 5.0 * bestHits / Math.max(1, words.length)))
    };
  }

  /**
   * A row as text with maps sorted, so rows compare equal whatever map or sequence classes Spark
   * used.
   */
  public static String canon(Row r) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < r.length(); i++) {
      b.append(i == 0 ? "" : ", ").append(canonValue(r.get(i)));
    }
    return b.append(']').toString();
  }

  private static String canonValue(Object v) {
    if (v instanceof Row row) {
      return canon(row);
    }
    if (v instanceof scala.collection.Map<?, ?> m) {
      Map<String, String> sorted = new TreeMap<>();
      scala.collection.JavaConverters.mapAsJavaMapConverter(m)
          .asJava()
          .forEach((k, x) -> sorted.put(String.valueOf(k), canonValue(x)));
      return sorted.toString();
    }
    if (v instanceof scala.collection.Seq<?> s) {
      List<String> items = new ArrayList<>();
      scala.collection.JavaConverters.seqAsJavaListConverter(s)
          .asJava()
          .forEach(x -> items.add(canonValue(x)));
      return items.toString();
    }
    return String.valueOf(v);
  }

  /**
   * The stage run once per test JVM on the test corpus (4 partitions, persisted), shared by the
   * test classes.
   */
  public record Run(FiltersConfig cfg, List<Row> input, Dataset<Row> out) {}

  private static Run run;

  public static synchronized Run run(SparkSession spark) {
    if (run == null || run.out().sparkSession() != spark || spark.sparkContext().isStopped()) {
      FiltersConfig cfg = config();
      List<Row> input = rows(100, 100);
      Dataset<Row> in = spark.createDataFrame(input, CleanSchema.SCHEMA);
      run = new Run(cfg, input, FilterStage.apply(in.repartition(4), cfg).persist());
    }
    return run;
  }
}
