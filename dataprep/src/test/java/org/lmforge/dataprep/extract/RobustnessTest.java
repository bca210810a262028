package org.lmforge.dataprep.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile input returns normally (no exception, no stack overflow) within a generous bound. The
 * bounds are hang guards, not speed measurements (those are in the bench module's {@code
 * ExtractionBench}).
 */
class RobustnessTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(60);
  private final MainTextExtractor extractor = new MainTextExtractor();

  @Test
  void emptyAndNullInputGiveEmptyText() {
    assertEquals(Extraction.EMPTY, extractor.extract("", null));
    assertEquals(Extraction.EMPTY, extractor.extract(null, null));
    assertEquals("", extractor.extract("   \n ", "http://x").text());
  }

  @Test
  void fiftyMegabytePageIsCappedNotChoked() {
    StringBuilder sb =
        new StringBuilder(50_100_000)
            .append("<html><head><title>Big</title></head><body><article>");
    String para =
        "<p>A sentence that goes on, and on, with commas, to look like prose in a very long page.</p>\n";
    while (sb.length() < 50_000_000) sb.append(para);
    String html = sb.append("</article></body></html>").toString();
    Extraction e = assertTimeoutPreemptively(HANG_GUARD, () -> extractor.extract(html, null));
    assertEquals("Big", e.title());
    assertTrue(
        e.text().startsWith("A sentence that goes on"),
        "the capped prefix should still be extracted");
    assertTrue(
        e.text().length() <= ExtractorConfig.defaults().maxInputChars(),
        "output longer than the input cap");
  }

  @Test
  void tenThousandDeepNestingDoesNotOverflowTheStack() {
    int depth = 10_000;
    String html =
        "<html><body>"
            + "<div>".repeat(depth)
            + "<p>deep text, far down the tree.</p>"
            + "</div>".repeat(depth)
            + "<span>".repeat(depth)
            + "inline"
            + "</span>".repeat(depth)
            + "</body></html>";
    Extraction e = assertTimeoutPreemptively(HANG_GUARD, () -> extractor.extract(html, null));
    assertTrue(
        e.text().contains("deep text, far down the tree."), "deep paragraph lost: " + e.text());
  }

  @Test
  void binaryGarbageGivesNoException() {
    byte[] bytes = new byte[2_000_000];
    new Random(42).nextBytes(bytes);
    String html = org.lmforge.dataprep.warc.PageDecoder.decodeText(bytes);
    Extraction e = assertTimeoutPreemptively(HANG_GUARD, () -> extractor.extract(html, null));
    assertTrue(e.text().length() < html.length());
    // garbage with tags sprinkled in
    String tagged =
        "<p>" + html.substring(0, 100_000) + "</div><table><td>" + html.substring(100_000, 200_000);
    assertTimeoutPreemptively(HANG_GUARD, () -> extractor.extract(tagged, "not a url"));
  }
}
