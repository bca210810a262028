package org.lmforge.dataprep.sample;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.lmforge.config.LocalFiles;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Writes the embedded default input: a real WARC file (gzip per record, written with jwarc) whose
 * HTML responses carry Europarl debates as the main text, wrapped in the boilerplate real sites
 * have (menu, cookie banner, related links, footer), so that the clean job has something to
 * extract, identify and filter. A few 404 and non-HTML responses and exact re-captures are mixed in
 * so every counter moves. The text is real; the page templates and the {@code .example} URLs are
 * the writer's own.
 *
 * <p>The file is a function of (pages, seed) only, byte for byte: record ids are name-based UUIDs
 * of the seed, URL, capture date and record number (jwarc would draw random ones, and the clean
 * job's document ids, the train/validation split and every loss downstream would change from run to
 * run); dates come from the debates; jwarc writes no other generated header and its gzip members
 * carry mtime 0.
 */
public final class SampleWarcWriter {
  /** Every Europarl debate: {@code pages = ALL} (or any value <= 0). */
  public static final int ALL = 0;

  private static final String[] SITES = {
    "parliament-news.example", "eu-debates.example", "www.plenary.example"
  };

  private SampleWarcWriter() {}

  /**
   * Pages from a command line or config value: a positive number up to {@value
   * EuroparlCorpus#SIZE}, or {@code all} / {@code 0} for every debate ({@link #ALL}).
   */
  public static int parsePages(String value) {
    String v = value.strip();
    if (v.equalsIgnoreCase("all")) {
      return ALL;
    }
    try {
      int n = Integer.parseInt(v);
      if (n > EuroparlCorpus.SIZE) { // was written as all of them, without a word
        throw new IllegalArgumentException(
            "'"
                + value
                + "' is more pages than there are: Europarl has "
                + EuroparlCorpus.SIZE
                + " debates; give at most "
                + EuroparlCorpus.SIZE
                + ", or 'all'");
      }
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // falls through to the message below
    }
    throw new IllegalArgumentException(
        "'"
            + value
            + "' is not a page count; give a positive number, or 'all' "
            + "(or 0) for all "
            + EuroparlCorpus.SIZE
            + " Europarl debates");
  }

  /**
   * The file name for {@code pages} pages: {@code europarl-2000.warc.gz}, {@code
   * europarl-all.warc.gz}.
   */
  public static String fileName(int pages) {
    return "europarl-"
        + (pages <= 0 || pages >= EuroparlCorpus.SIZE ? "all" : Integer.toString(pages))
        + ".warc.gz";
  }

  /**
   * Writes {@code pages} HTML pages ({@code <= 0}: all {@value EuroparlCorpus#SIZE}) plus extra
   * records to {@code out}, atomically. Returns records written.
   */
  public static int write(Path out, int pages, long seed) throws IOException {
    long limit = pages <= 0 ? Long.MAX_VALUE : pages;
    Random rnd = new Random(seed);
    int[] count = {0};
    LocalFiles.replace(out, tmp -> count[0] = write(tmp, limit, seed, rnd));
    return count[0];
  }

  private static int write(Path tmp, long limit, long seed, Random rnd) throws IOException {
    try (Stream<EuroparlCorpus.Debate> debates = EuroparlCorpus.stream().limit(limit);
        FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
        WarcWriter warc = new WarcWriter(ch, WarcCompression.GZIP)) {
      Records w = new Records(warc, seed);
      int i = 0;
      for (Iterator<EuroparlCorpus.Debate> it = debates.iterator(); it.hasNext(); i++) {
        EuroparlCorpus.Debate d = it.next();
        String site = SITES[i % SITES.length];
        String url = "https://" + site + "/debates/" + i + "/" + slug(d.title());
        Instant when = captureDate(d.date(), i);
        w.write(url, when, 200, "text/html; charset=utf-8", page(d, site, rnd));
        if (i % 50 == 7) { // a re-capture of the same page a day later: the URL and text repeat
          w.write(
              url, when.plusSeconds(86_400), 200, "text/html; charset=utf-8", page(d, site, rnd));
        }
        if (i % 40 == 3) {
          w.write(
              "https://" + site + "/missing/" + i,
              when,
              404,
              "text/html",
              "<html><body>Not found</body></html>");
          w.write("https://" + site + "/logo-" + i + ".png", when, 200, "image/png", "\u0089PNG");
        }
      }
      return w.count;
    }
  }

  /** Appends response records, numbering them; the number and the seed name each record's id. */
  private static final class Records {
    private final WarcWriter warc;
    private final long seed;
    int count;

    Records(WarcWriter warc, long seed) {
      this.warc = warc;
      this.seed = seed;
    }

    void write(String url, Instant date, int status, String type, String body) throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      HttpResponse http =
          new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found")
              .body(MediaType.parse(type), bytes)
              .build();
      warc.write(
          new WarcResponse.Builder(URI.create(url))
              .recordId(recordId(seed, url, date, count))
              .date(date)
              .body(http)
              .build());
      count++;
    }
  }

  /**
   * A name-based (v3) UUID of seed, URL, date and record number: stable across runs, unique in the
   * file.
   */
  static UUID recordId(long seed, String url, Instant date, int record) {
    String name = "lmforge-sample\n" + seed + "\n" + url + "\n" + date + "\n" + record;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  private static Instant captureDate(String isoDate, int i) {
    try {
      return LocalDate.parse(isoDate)
          .atStartOfDay(ZoneOffset.UTC)
          .toInstant()
          .plusSeconds(i % 86_400);
    } catch (RuntimeException e) {
      return Instant.parse("2010-01-01T00:00:00Z").plusSeconds(i);
    }
  }

  static String page(EuroparlCorpus.Debate d, String site, Random rnd) {
    StringBuilder h = new StringBuilder(4096);
    h.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
        .append(esc(d.title()))
        .append(" | ")
        .append(site)
        .append("</title></head>\n<body>\n")
        .append(
            "<div id=\"cookie-banner\" class=\"cookie-consent\">We use cookies to improve your experience. "
                + "<a href=\"/privacy\">Privacy policy</a> <button>Accept all cookies</button></div>\n")
        .append(
            "<header><nav class=\"main-menu\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/debates\">Debates</a></li>"
                + "<li><a href=\"/members\">Members</a></li><li><a href=\"/press\">Press</a></li><li><a href=\"/contact\">Contact</a></li>"
                + "</ul></nav></header>\n<main><article>\n<h1>")
        .append(esc(d.title()))
        .append("</h1>\n")
        .append("<p class=\"byline\">Sitting of ")
        .append(esc(d.date()))
        .append("</p>\n");
    for (String p : d.paragraphs()) {
      h.append("<p>").append(esc(p)).append("</p>\n");
    }
    h.append("</article>\n<aside class=\"related\"><h3>Related debates</h3><ul>");
    for (int k = 0; k < 5; k++) {
      int n = rnd.nextInt(EuroparlCorpus.SIZE);
      h.append("<li><a href=\"/debates/")
          .append(n)
          .append("\">Debate ")
          .append(n)
          .append("</a></li>");
    }
    h.append("</ul></aside></main>\n<footer class=\"site-footer\"><p>&copy; ")
        .append(site)
        .append(
            " &middot; <a href=\"/imprint\">Imprint</a> &middot; <a href=\"/terms\">Terms of use</a></p></footer>\n")
        .append("</body></html>\n");
    return h.toString();
  }

  private static String slug(String title) {
    String s = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
    s = s.replaceAll("^-+|-+$", "");
    s =
        java.net.URLEncoder.encode(
            s.length() > 60 ? s.substring(0, 60) : s, StandardCharsets.UTF_8);
    return s.isEmpty() ? "debate" : s;
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
