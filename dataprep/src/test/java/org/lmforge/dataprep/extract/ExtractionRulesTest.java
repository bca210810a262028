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

  /** The main text of a page whose body is {@code bodyHtml}. */
  private Extracted extract(String bodyHtml) {
    return new Extracted(
        extractor
            .extract(
                "<html><head><title>T</title></head><body>" + bodyHtml + "</body></html>", null)
            .text());
  }

  /**
   * A page's main text and the two checks each rule's page makes of it: the case is kept, its
   * counterpart is not. A failure prints the whole text.
   */
  private record Extracted(String text) {
    Extracted keeps(String snippet, String why) {
      assertTrue(text.contains(snippet), why + ":\n" + text);
      return this;
    }

    Extracted drops(String snippet, String why) {
      assertFalse(text.contains(snippet), why + ":\n" + text);
      return this;
    }
  }

  @Test
  void leadBeforeTheBodyContainerIsKeptButBylineAndHeadlineAreNot() {
    Extracted page =
        extract(
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
    page.keeps(lead, "lead paragraph before article-body lost")
        .drops("By Jane Doe", "byline is not a lead")
        .drops("Harbour reopens after storm", "the headline is the title, not a lead")
        .drops("Home", "navigation leaked");
    String out = page.text();
    assertTrue(out.indexOf(lead) < out.indexOf("Paragraph 1"), "lead must come first:\n" + out);
  }

  @Test
  void pageServedInsideNoscriptIsRead() {
    extract(
            "<div id=\"app\"></div><noscript><div class=\"post-body\">"
                + prose("the noscript page")
                + "</div></noscript><noscript>Please enable JavaScript.</noscript>")
        .keeps("Paragraph 3 about the noscript page", "noscript page wrapper dropped")
        .drops("enable JavaScript", "a noscript notice is not content");
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
    extract(
            consent
                + "<main><h1>Wine sales</h1><div class=\"text-block\">"
                + prose("wine sales")
                + "</div></main>")
        .keeps("Paragraph 2 about wine sales", "article lost")
        .drops("Tracking service", "consent overlay leaked");
  }

  @Test
  void wrapperWithConsentStateClassIsNotDropped() {
    extract(
            "<div class=\"cookies-accepted\"><article><h1>Title</h1>"
                + prose("a blog post")
                + "</article></div>")
        .keeps(
            "Paragraph 4 about a blog post",
            "a wrapper carrying a cookie state class is not a banner");
  }

  @Test
  void linkedTeaserIsDroppedUnlinkedTeaserTextIsKept() {
    extract(
            """
            <article>
              <div class="teaser-text">Our own intro sentence tells what the article below is about, in one line.</div>
              """
                + prose("the topic")
                + """
              <div class="teaser"><a href="/other">Another story: a linked teaser for a different article</a></div>
            </article>""")
        .keeps("Our own intro sentence", "unlinked teaser text is the article's lead")
        .drops("Another story", "a linked teaser announces another page");
  }

  @Test
  void longProseUnderAWidgetClassIsKeptWidgetsInsideItAreNot() {
    StringBuilder prose = new StringBuilder();
    for (int i = 0; i < 4; i++) prose.append(prose("the recipe " + i));
    extract(
            "<div class=\"post-content\"><div class=\"content-sidebar-wrap\">"
                + prose
                + "<div class=\"sidebar\"><p>Popular now: ten tips for a tidy kitchen and more.</p></div></div></div>")
        .keeps("Paragraph 5 about the recipe 3", "prose under a sidebar-ish wrapper class lost")
        .drops("Popular now", "the real sidebar inside the wrapper leaked");
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
