package org.lmforge.dataprep.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * One small page per rule added for F1 0.92+: article leads outside the body container, pages
 * served in {@code <noscript>}, consent overlays, teasers with and without links, and widget class
 * names on long prose. Each page holds the case and its counterpart, so a rule that does nothing or
 * too much fails.
 */
class ExtractionRulesTest {
  private final MainTextExtractor extractor = new MainTextExtractor();

  /** Five distinct sentences of article prose, about 600 chars. */
  private static String prose(String topic) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= 5; i++) {
      sb.append("<p>Paragraph ")
          .append(i)
          .append(" about ")
          .append(topic)
          .append(
              " explains, in plain words and with some detail, what happened and why it matters to readers.</p>\n");
    }
    return sb.toString();
  }

  private String text(String bodyHtml) {
    return extractor
        .extract("<html><head><title>T</title></head><body>" + bodyHtml + "</body></html>", null)
        .text();
  }

  @Test
  void leadBeforeTheBodyContainerIsKeptButBylineAndHeadlineAreNot() {
    String out =
        text(
            """
            <nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <article>
              <h1>Harbour reopens after storm</h1>
              <div class="byline">By Jane Doe, 12 May 2021</div>
              <p class="standfirst">The harbour reopened on Monday after a week of repairs, and the first ferries left on time.</p>
              <div class="article-body">"""
                + prose("the harbour")
                + """
              </div>
            </article>""");
    String lead = "The harbour reopened on Monday after a week of repairs";
    assertTrue(out.contains(lead), "lead paragraph before article-body lost:\n" + out);
    assertTrue(out.indexOf(lead) < out.indexOf("Paragraph 1"), "lead must come first:\n" + out);
    assertFalse(out.contains("By Jane Doe"), "byline is not a lead:\n" + out);
    assertFalse(
        out.contains("Harbour reopens after storm"),
        "the headline is the title, not a lead:\n" + out);
    assertFalse(out.contains("Home"), "navigation leaked:\n" + out);
  }

  @Test
  void pageServedInsideNoscriptIsRead() {
    String out =
        text(
            "<div id=\"app\"></div><noscript><div class=\"post-body\">"
                + prose("the noscript page")
                + "</div></noscript><noscript>Please enable JavaScript.</noscript>");
    assertTrue(
        out.contains("Paragraph 3 about the noscript page"),
        "noscript page wrapper dropped:\n" + out);
    assertFalse(out.contains("enable JavaScript"), "a noscript notice is not content:\n" + out);
  }

  @Test
  void consentOverlayIsDroppedEvenWhenLongerThanTheArticle() {
    StringBuilder consent = new StringBuilder("<div class=\"sp-dsgvo-popup-overlay\">");
    for (int i = 0; i < 30; i++) {
      consent
          .append("<div><p>Tracking service ")
          .append(i)
          .append(
              ": purpose statistics, storage two years, legal basis consent under Art. 6, data sent abroad.</p></div>");
    }
    consent.append("</div>");
    String out =
        text(
            consent
                + "<main><h1>Wine sales</h1><div class=\"text-block\">"
                + prose("wine sales")
                + "</div></main>");
    assertTrue(out.contains("Paragraph 2 about wine sales"), "article lost:\n" + out);
    assertFalse(out.contains("Tracking service"), "consent overlay leaked:\n" + out);
  }

  @Test
  void wrapperWithConsentStateClassIsNotDropped() {
    String out =
        text(
            "<div class=\"cookies-accepted\"><article><h1>Title</h1>"
                + prose("a blog post")
                + "</article></div>");
    assertTrue(
        out.contains("Paragraph 4 about a blog post"),
        "a wrapper carrying a cookie state class is not a banner:\n" + out);
  }

  @Test
  void linkedTeaserIsDroppedUnlinkedTeaserTextIsKept() {
    String out =
        text(
            """
            <article>
              <div class="teaser-text">Our own intro sentence tells what the article below is about, in one line.</div>
              """
                + prose("the topic")
                + """
              <div class="teaser"><a href="/other">Another story: a linked teaser for a different article</a></div>
            </article>""");
    assertTrue(
        out.contains("Our own intro sentence"),
        "unlinked teaser text is the article's lead:\n" + out);
    assertFalse(out.contains("Another story"), "a linked teaser announces another page:\n" + out);
  }

  @Test
  void longProseUnderAWidgetClassIsKeptWidgetsInsideItAreNot() {
    StringBuilder prose = new StringBuilder();
    for (int i = 0; i < 4; i++) prose.append(prose("the recipe " + i));
    String out =
        text(
            "<div class=\"post-content\"><div class=\"content-sidebar-wrap\">"
                + prose
                + "<div class=\"sidebar\"><p>Popular now: ten tips for a tidy kitchen and more.</p></div></div></div>");
    assertTrue(
        out.contains("Paragraph 5 about the recipe 3"),
        "prose under a sidebar-ish wrapper class lost:\n" + out);
    assertFalse(out.contains("Popular now"), "the real sidebar inside the wrapper leaked:\n" + out);
  }

  @Test
  void boilerplateLineFilterDropsLabelsKeepsSentences() {
    assertTrue(BoilerplateLineFilter.isBoilerplateLine("Share"));
    assertTrue(BoilerplateLineFilter.isBoilerplateLine("© 2021 Example GmbH"));
    assertTrue(BoilerplateLineFilter.isBoilerplateLine("Tags: wine, harbour"));
    assertFalse(BoilerplateLineFilter.isBoilerplateLine("She shared the flat with two friends."));
    assertFalse(
        BoilerplateLineFilter.isBoilerplateLine(
            "Facebook bought the company in 2014 for a large sum."));
  }
}
