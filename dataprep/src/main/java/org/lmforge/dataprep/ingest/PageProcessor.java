package org.lmforge.dataprep.ingest;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lmforge.dataprep.extract.Extraction;
import org.lmforge.dataprep.extract.MainTextExtractor;
import org.lmforge.dataprep.lang.LanguageGuess;
import org.lmforge.dataprep.lang.LanguageIdentifier;
import org.lmforge.dataprep.warc.CrawlRecord;
import org.lmforge.dataprep.warc.PageDecoder;

/**
 * One crawl record to one clean page: decode the payload, extract the main text (HTML) or normalise
 * it (WET text), identify the language, and judge it against the configured language and length
 * rules. Never throws on bad content: every failure becomes a named outcome. Build one per task and
 * reuse it.
 */
public final class PageProcessor {
  private static final Pattern META_ROBOTS =
      Pattern.compile(
          "<meta\\s[^>]{0,300}?name\\s*=\\s*[\"']?(robots|googlebot|bingbot|ccbot|gptbot|[a-z-]*ai[a-z-]*)[\"']?[^>]{0,300}?>",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CONTENT_ATTR =
      Pattern.compile("content\\s*=\\s*[\"']([^\"']{0,300})[\"']", Pattern.CASE_INSENSITIVE);
  private static final int ROBOTS_SCAN_CHARS = 65_536;

  private final IngestConfig config;
  private final MainTextExtractor extractor;
  private final LanguageIdentifier languageId;

  public PageProcessor(IngestConfig config) {
    this.config = config;
    this.extractor = new MainTextExtractor(config.extract());
    // Language ID chooses among all languages; the allow-list is applied afterwards, so a French
    // page in an
    // English-only run is dropped as language.not_allowed instead of being mislabelled English.
    this.languageId =
        new LanguageIdentifier(
            java.util.List.of(), config.languageLowAccuracy(), config.languageSampleChars());
  }

  public PageOutcome process(CrawlRecord r) {
    if (r.bodyTruncated()) {
      return quarantine(
          PageOutcome.TOO_LARGE,
          "payload over "
              + config.maxPageBytes()
              + " bytes (raise clean.ingest.maxPageBytes to keep such pages)");
    }
    PageDecoder.Decoded decoded = PageDecoder.decode(r.body(), r.declaredCharset());
    if (decoded.problem() != null && decoded.text() == null) {
      return quarantine(decoded.problem(), "payload under " + r.contentType() + " is binary");
    }
    String title;
    String text;
    String robots = r.robotsHeader();
    try {
      if (r.isPlainText()) {
        title = "";
        text = normaliseText(decoded.text());
      } else {
        Extraction ex = extractor.extract(decoded.text(), r.url());
        title = ex.title() == null ? "" : ex.title();
        text = ex.text() == null ? "" : ex.text();
        robots = joinRobots(robots, metaRobots(decoded.text()));
      }
    } catch (RuntimeException | StackOverflowError e) {
      return quarantine(
          PageOutcome.EXTRACT_FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    LanguageGuess lang = languageId.identify(text);
    CleanPage page =
        new CleanPage(
            r.recordId(),
            r.url(),
            domainOf(r.url()),
            r.date(),
            lang.code(),
            lang.confidence(),
            title,
            text,
            r.sourceFile(),
            r.offset(),
            r.contentType(),
            r.httpStatus(),
            decoded.declared(),
            decoded.used(),
            robots);
    String warning = decoded.problem();
    if (text.strip().length() < Math.max(1, config.minTextChars())) {
      return new PageOutcome(PageOutcome.Kind.DROPPED, PageOutcome.NO_TEXT, null, warning, page);
    }
    if (!config.languages().isEmpty() && !config.languages().contains(lang.code())) {
      return new PageOutcome(
          PageOutcome.Kind.DROPPED, PageOutcome.LANGUAGE_NOT_ALLOWED, lang.code(), warning, page);
    }
    if (lang.confidence() < config.minLanguageScore()) {
      return new PageOutcome(
          PageOutcome.Kind.DROPPED,
          PageOutcome.LANGUAGE_LOW_CONFIDENCE,
          String.format(Locale.ROOT, "%s %.3f", lang.code(), lang.confidence()),
          warning,
          page);
    }
    return new PageOutcome(PageOutcome.Kind.KEPT, null, null, warning, page);
  }

  private static PageOutcome quarantine(String reason, String detail) {
    return new PageOutcome(PageOutcome.Kind.QUARANTINED, reason, detail, null, null);
  }

  /** WET text: unify line endings, trim lines, collapse runs of blank lines. */
  static String normaliseText(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (String line : s.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
      String t = line.strip();
      if (!t.isEmpty()) {
        if (out.length() > 0) {
          out.append('\n');
        }
        out.append(t);
      }
    }
    return out.toString();
  }

  /** Content of robots-style meta tags (robots, googlebot, ...ai...) in the page head, joined. */
  static String metaRobots(String html) {
    String head = html.length() > ROBOTS_SCAN_CHARS ? html.substring(0, ROBOTS_SCAN_CHARS) : html;
    Matcher m = META_ROBOTS.matcher(head);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Matcher c = CONTENT_ATTR.matcher(m.group());
      if (c.find()) {
        if (out.length() > 0) {
          out.append(", ");
        }
        out.append(m.group(1).toLowerCase(Locale.ROOT)).append(": ").append(c.group(1).strip());
      }
    }
    return out.toString();
  }

  private static String joinRobots(String a, String b) {
    if (a == null || a.isEmpty()) {
      return b;
    }
    return b.isEmpty() ? a : a + ", " + b;
  }

  /** Lower-case host without a leading "www."; null when the URL has no host. */
  public static String domainOf(String url) {
    try {
      String host = URI.create(url.replace(" ", "%20")).getHost();
      if (host == null) {
        return null;
      }
      host = host.toLowerCase(Locale.ROOT);
      return host.startsWith("www.") ? host.substring(4) : host;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
