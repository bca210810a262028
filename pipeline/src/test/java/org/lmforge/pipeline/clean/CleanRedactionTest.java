package org.lmforge.pipeline.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmforge.dataprep.dedup.DedupConfig;
import org.lmforge.dataprep.filter.FiltersConfig;
import org.lmforge.dataprep.ingest.IngestConfig;
import org.lmforge.dataprep.sample.EuroparlCorpus;
import org.lmforge.pipeline.TestSessions;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * The real clean job, default configuration (bundled lists on), with --keep-dropped, on pages that
 * carry planted PII: one kept, one dropped by the bundled URL word lists, one by the bundled
 * LDNOOBW lists, one by a quality rule, and a broken record whose quarantine detail quotes PII.
 * Reading every Parquet output back, no planted value is left anywhere; the drop table names the
 * safety reasons.
 */
class CleanRedactionTest {
  static SparkSession spark;
  @TempDir static Path tmp;
  static CleanStage.Result result;

  static final String CARD = "4111 1111 1111 1111";
  static final String IBAN = "DE89 3704 0044 0532 0130 00";
  static final String SSN = "123-45-6789";
  static final String EMAIL = "jane.doe@example-mail.org";
  static final List<String> PLANTED =
      List.of(
          CARD,
          "4111111111111111",
          IBAN,
          "DE89370400440532013000",
          SSN,
          EMAIL,
          "5555-5555-5555-4444",
          "5555555555554444");
  static final String PII_LINE =
      "Write to "
          + EMAIL
          + ", pay with card "
          + CARD
          + " or to "
          + IBAN
          + "; his SSN was "
          + SSN
          + ".";

  @BeforeAll
  static void run() throws Exception {
    spark = TestSessions.local("clean-redaction-test");
    Path in = Files.createDirectories(tmp.resolve("in"));
    try (WarcWriter w =
        new WarcWriter(
            Files.newByteChannel(
                in.resolve("pii.warc.gz"), StandardOpenOption.CREATE, StandardOpenOption.WRITE),
            WarcCompression.GZIP)) {
      w.write(
          page(
              "https://news.example/kept",
              article(47, PII_LINE))); // an English debate the chain keeps
      w.write(page("https://news.example/porn/story", article(48, PII_LINE)));
      String spam =
          "Hot porn videos and free xxx sex cams. Watch porn now, the best porn site with nude girls. ";
      w.write(
          page(
              "https://news.example/spam", "<p>" + spam.repeat(8) + "</p><p>" + PII_LINE + "</p>"));
      w.write(
          page("https://news.example/short", "<p>Card 5555-5555-5555-4444 and " + EMAIL + ".</p>"));
    }
    // a record whose HTTP status line does not parse: the reader's message quotes it
    String http =
        "HTTP/1.1 2OO OK mail "
            + EMAIL
            + " card "
            + CARD
            + "\r\nContent-Type: text/html\r\n\r\n<p>x</p>";
    byte[] body = http.getBytes(StandardCharsets.UTF_8);
    String head =
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/broken\r\n"
            + "WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789012>\r\n"
            + "Content-Type: application/http; msgtype=response\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    Files.write(
        in.resolve("broken.warc"), (head + http + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    CleanConfig cfg =
        new CleanConfig(
            List.of(in.toString()),
            tmp.resolve("out").toString(),
            false,
            true,
            IngestConfig.defaults(),
            FiltersConfig.defaults(),
            DedupConfig.defaults());
    result = CleanStage.run(spark, cfg);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static String article(int debate, String extra) {
    StringBuilder p = new StringBuilder();
    for (String para : EuroparlCorpus.read(debate + 1).get(debate).paragraphs()) {
      p.append("<p>").append(para.replace("&", "&amp;").replace("<", "&lt;")).append("</p>");
    }
    return p + "<p>" + extra + "</p>";
  }

  private static WarcResponse page(String url, String bodyHtml) throws IOException {
    String html =
        "<html><head><title>News</title></head><body><article>"
            + bodyHtml
            + "</article></body></html>";
    HttpResponse http =
        new HttpResponse.Builder(200, "OK")
            .body(
                MediaType.parse("text/html; charset=utf-8"), html.getBytes(StandardCharsets.UTF_8))
            .build();
    return new WarcResponse.Builder(URI.create(url))
        .date(Instant.parse("2024-05-01T10:00:00Z"))
        .body(http)
        .build();
  }

  /** One Parquet output of the job: docs, rejected or quarantine. */
  private static Dataset<Row> output(String dir) {
    return spark.read().parquet(result.output() + "/" + dir);
  }

  /** The values of one string column, in row order. */
  private static List<String> column(Dataset<Row> rows, String name) {
    return rows.select(name).as(Encoders.STRING()).collectAsList();
  }

  /** Every string value of every row of a Parquet output, as one list. */
  private static List<String> strings(String dir) {
    Dataset<Row> df = output(dir);
    List<String> out = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      for (StructField f : df.schema().fields()) {
        if (f.dataType().equals(DataTypes.StringType) && !r.isNullAt(r.fieldIndex(f.name()))) {
          out.add(r.getString(r.fieldIndex(f.name())));
        }
      }
    }
    return out;
  }

  private static void noPlantedValue(String dir) {
    for (String s : strings(dir)) {
      for (String v : PLANTED) assertFalse(s.contains(v), dir + " holds " + v + ": " + s);
    }
  }

  @Test
  void keptDocumentsAreRedacted() {
    noPlantedValue("docs");
    List<String> texts = column(output("docs"), "text");
    assertEquals(1, texts.size());
    assertTrue(
        texts
            .get(0)
            .contains(
                "Write to <EMAIL>, pay with card <CARD_NUMBER> or to <IBAN>; his SSN was <SSN>."),
        texts.get(0));
  }

  @Test
  void rejectedRowsAreRedactedAndTheDropTableNamesTheSafetyReasons() {
    noPlantedValue("rejected");
    Map<String, String> reasonByUrl =
        output("rejected").select("url", "drop_reason").collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getString(0), r -> r.getString(1)));
    assertEquals("url_blocklist.banned_word", reasonByUrl.get("https://news.example/porn/story"));
    assertEquals("lexical_safety.bad_word_ratio", reasonByUrl.get("https://news.example/spam"));
    // a one-line page: the first 2-gram alone is over a fifth of its characters (the reference's
    // behaviour)
    assertEquals("gopher_repetition.top_2_gram", reasonByUrl.get("https://news.example/short"));
    for (String s : strings("rejected")) {
      if (s.contains("pay with card"))
        assertTrue(s.contains("<CARD_NUMBER>") && s.contains("<IBAN>"), s);
    }
    List<String> reasons =
        result.stats().dropTable().stream().map(CleanStats.DropRow::reason).toList();
    assertTrue(
        reasons.containsAll(List.of("url_blocklist.banned_word", "lexical_safety.bad_word_ratio")),
        reasons.toString());
  }

  @Test
  void quarantineHoldsOnlyAShortRedactedExcerpt() {
    noPlantedValue("quarantine");
    List<String> details =
        column(output("quarantine").filter("reason = 'http.bad_envelope'"), "detail");
    assertEquals(1, details.size());
    assertTrue(
        details.get(0).contains("<EMAIL>") && details.get(0).contains("<CARD_NUMBER>"),
        details.get(0));
    for (String s : strings("quarantine")) assertTrue(s.length() <= Redaction.EXCERPT_CHARS, s);
  }
}
