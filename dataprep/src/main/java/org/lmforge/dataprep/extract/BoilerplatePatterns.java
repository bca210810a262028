package org.lmforge.dataprep.extract;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;

/**
 * Class/id patterns that mark page regions, adapted from trafilatura's {@code xpaths.py} (Barbaresi
 * 2021, Apache-2.0). Two families: where the main content usually is (tried in order, most specific
 * first), and what is boilerplate inside or around it (navigation, sharing, related links,
 * comments, hidden parts).
 */
final class BoilerplatePatterns {
  private BoilerplatePatterns() {}

  private static final Set<String> CONTAINERS = Set.of("article", "div", "main", "section");

  /**
   * Structural elements boilerplate patterns are tested on (trafilatura: div, item, list, p,
   * section, span).
   */
  private static final Set<String> BLOCKS =
      Set.of("div", "li", "ul", "ol", "dl", "p", "section", "span");

  private static final Set<String> COMMENT_CONTAINERS = Set.of("div", "ul", "ol", "dl", "section");

  /**
   * Main-content containers, from specific CMS class names down to generic "main"; the first tier
   * that yields text wins.
   */
  static final List<Predicate<Element>> CONTENT_TIERS =
      List.of(
          AttributeRules.of(
              CONTAINERS,
              "class=post",
              "class=entry",
              "class*=post-text/i",
              "class*=post_text/i",
              "class*=post-body/i",
              "class*=post-entry/i",
              "class*=postentry/i",
              "class*=post-content/i",
              "class*=post_content/i",
              "class*=postcontent/i",
              "class*=post_inner_wrapper",
              "class*=article-text/i",
              "class*=articletext/i",
              "id*=entry-content",
              "class*=entry-content",
              "id*=article-content",
              "class*=article-content",
              "id*=article__content",
              "class*=article__content",
              "id*=article-body",
              "class*=article-body",
              "id*=article__body",
              "class*=article__body",
              "itemprop=articleBody",
              "id*=articlebody/i",
              "class*=articlebody/i",
              "id=articleContent",
              "class*=ArticleContent",
              "class*=page-content",
              "class*=text-content",
              "id*=body-text",
              "class*=body-text",
              "class*=article__container",
              "id*=art-content",
              "class*=art-content"),
          e -> e.nameIs("article"),
          AttributeRules.of(
              CONTAINERS,
              "class*=post-bodycopy",
              "class*=storycontent",
              "class*=story-content",
              "class=postarea",
              "class=art-postcontent",
              "class*=theme-content",
              "class*=blog-content",
              "class*=section-content",
              "class*=single-content",
              "class*=single-post",
              "class*=main-column",
              "class*=wpb_text_column",
              "id^=primary",
              "class^=article ",
              "class=text",
              "id=article",
              "class=cell",
              "id=story",
              "class=story",
              "class*=story-body",
              "id*=story-body",
              "class*=field-body",
              "class*=fulltext/i",
              "role=article"),
          AttributeRules.of(
              CONTAINERS,
              "id*=content-main",
              "class*=content-main",
              "class*=content_main",
              "id*=content-body",
              "class*=content-body",
              "id*=contentBody",
              "class*=content__body",
              "id*=main-content/i",
              "class*=main-content/i",
              "class*=page-content/i",
              "id=content",
              "class=content"),
          AttributeRules.of(
                  Set.of("article", "div", "section"), "class^=main", "id^=main", "role^=main")
              .or(e -> e.nameIs("main")));

  /**
   * Navigation, footers, sharing, related links, tags, bylines, widgets, ads, cookie and newsletter
   * boxes.
   */
  static final AttributeRules NAVIGATION_AND_WIDGETS =
      AttributeRules.of(
          BLOCKS,
          "id*=footer/i",
          "class*=footer/i",
          "id*=related",
          "class*=related/i",
          "id*=viral",
          "class*=viral",
          "id^=shar",
          "class^=shar",
          "class*=share-",
          "id*=share/i",
          "id*=social",
          "class*=social",
          "class*=sociable",
          "id*=syndication",
          "class*=syndication",
          "id^=jp-",
          "id^=dpsp-content",
          "class*=embedded",
          "class*=embed",
          "id*=newsletter",
          "class*=newsletter",
          "class*=subnav",
          "id*=cookie",
          "class*=cookie",
          "id*=tags",
          "class*=tags",
          "class*=tag-list",
          "id*=sidebar",
          "class*=sidebar",
          "id*=banner",
          "class*=banner",
          "class*=bar",
          "class*=meta",
          "id*=menu",
          "class*=menu",
          "id*=nav/i",
          "role*=nav/i",
          "class^=nav",
          "class*=navigation/i",
          "class*=navbar",
          "class*=navbox",
          "class^=post-nav",
          "id*=breadcrumb",
          "class*=breadcrumb",
          "id*=bread-crumb",
          "class*=bread-crumb",
          "id*=author",
          "class*=author",
          "id*=button",
          "class*=button",
          "class*=byline/i",
          "class*=rating",
          "class*=widget",
          "class*=attachment",
          "class*=timestamp",
          "class*=user-info",
          "class*=user-profile",
          "class*=-ad-",
          "class*=-icon",
          "class*=article-infos",
          "class*=infoline/i",
          "data-component*=MostPopularStories",
          "class*=outbrain",
          "class*=taboola",
          "class*=criteo",
          "class*=options",
          "class*=expand",
          "class*=consent",
          "class*=modal-content",
          "class*=paid-content",
          "class*=paidcontent",
          "id*=premium-",
          "id*=paywall",
          "class*=obfuscated",
          "class*=blurred",
          "class*= ad ",
          "class*=next-",
          "class*=side-stories",
          "class*=related-stories",
          "class*=most-popular",
          "class*=mol-factbox",
          "class^=ZendeskForm",
          "class*=message-container",
          "id*=message_container",
          "class*=lightbox",
          "class*=viewport",
          "data-lp-replacement-content",
          "data-testid=AuthorCard");

  /** Comment-form debris and parts a browser would not show. */
  static final AttributeRules HIDDEN_AND_COMMENT_DEBRIS =
      AttributeRules.of(
          null,
          "class*=comments-title",
          "class*=nocomments",
          "id^=reply-",
          "class^=reply-",
          "class*=-reply-",
          "class*=message",
          "id*=reader-comments",
          "id*=akismet",
          "class*=akismet",
          "class*=suggest-links",
          "class^=hide-",
          "class*=-hide-",
          "class*=hide-print",
          "class*= hide",
          "id*=hidden",
          "style*=hidden",
          "class*= hidden",
          "class*=noprint",
          "style*=display:none",
          "style*=display: none",
          "aria-hidden=true",
          "class*=notloaded");

  /** Comment sections (dropped: user comments are not the page's main text). */
  static final AttributeRules COMMENTS =
      AttributeRules.of(
          COMMENT_CONTAINERS,
          "id^=comment/i",
          "class^=comment/i",
          "class*=article-comments",
          "class*=post-comments",
          "id^=comol",
          "id^=disqus_thread",
          "id^=dsq-comments");

  /**
   * Cookie and privacy-consent overlays (GDPR, German "DSGVO"). They can hold more text than the
   * article itself (one line per tracking service), so they are dropped page-wide, before any text
   * is weighed.
   */
  static final AttributeRules CONSENT =
      AttributeRules.of(
          Set.of("div", "section", "aside", "dialog"),
          "id*=cookie/i",
          "class*=cookie/i",
          "id*=consent/i",
          "class*=consent/i",
          "id*=gdpr/i",
          "class*=gdpr/i",
          "id*=dsgvo/i",
          "class*=dsgvo/i");

  /** Teasers of other articles. */
  static final AttributeRules TEASERS =
      AttributeRules.of(BLOCKS, "id*=teaser/i", "class*=teaser/i");

  /** Image captions (images are not extracted, so their captions read as stray lines). */
  static final AttributeRules CAPTIONS = AttributeRules.of(BLOCKS, "id*=caption", "class*=caption");
}
