package org.lmforge.dataprep.extract;

import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;

/**
 * First, page-wide pass: marks as dropped the elements that never hold main text, whatever the page
 * (scripts, forms' controls, navigation, asides, footers, embedded media, hidden parts) and comment
 * sections. The tag list is trafilatura's MANUALLY_CLEANED.
 */
final class HtmlCleaner {
  private HtmlCleaner() {}

  static final Set<String> NEVER_CONTENT =
      Set.of(
          "aside",
          "embed",
          "footer",
          "form",
          "head",
          "iframe",
          "menu",
          "object",
          "script",
          "applet",
          "audio",
          "canvas",
          "figure",
          "map",
          "picture",
          "svg",
          "video",
          "area",
          "blink",
          "button",
          "datalist",
          "dialog",
          "frame",
          "frameset",
          "fieldset",
          "link",
          "input",
          "ins",
          "label",
          "legend",
          "marquee",
          "math",
          "menuitem",
          "nav",
          "noindex",
          "noscript",
          "optgroup",
          "option",
          "output",
          "param",
          "progress",
          "rp",
          "rt",
          "rtc",
          "select",
          "source",
          "style",
          "track",
          "textarea",
          "time",
          "use",
          "template");

  /**
   * What even the fallback never reads: code, styles, embedded objects and form controls.
   * Structural elements (aside, nav, footer, form) are left to the fallback's own scoring, because
   * some sites put the article inside an {@code <aside>} or a page-wide {@code <form>}.
   */
  static final Set<String> NEVER_TEXT =
      Set.of(
          "head",
          "script",
          "style",
          "noscript",
          "template",
          "iframe",
          "object",
          "embed",
          "applet",
          "svg",
          "canvas",
          "math",
          "button",
          "input",
          "select",
          "option",
          "optgroup",
          "datalist",
          "textarea",
          "link",
          "audio",
          "video",
          "map",
          "area",
          "source",
          "track",
          "param",
          "progress",
          "output",
          "frame",
          "frameset",
          "dialog");

  /** Light cleaning for the fallback: drops only {@link #NEVER_TEXT} elements and hidden ones. */
  static Set<Element> cleanLight(Element body) {
    PageText page = new PageText(body);
    return dropOutermost(
        body,
        e -> {
          if (isConsentOverlay(e)) return true;
          if (!NEVER_TEXT.contains(e.normalName()) && !e.hasAttr("hidden")) return false;
          return !(e.nameIs("noscript") && page.isMostlyIn(e));
        });
  }

  /** A form or noscript with less text than this is a widget or a notice, never a page wrapper. */
  private static final int MIN_PAGE_FORM_TEXT = 500;

  /** Returns the set of dropped elements under {@code body}. */
  static Set<Element> clean(Element body) {
    PageText page = new PageText(body);
    Set<Element> dropped =
        dropOutermost(
            body,
            e -> {
              if (!neverContent(e)) return false;
              // ASP.NET and similar sites wrap the whole page in one <form>: keep a form that
              // holds most text
              if (e.nameIs("form") && page.isMostlyIn(e)) return false;
              // Blogger and some CMSs serve the whole article inside <noscript> for clients
              // without JavaScript
              if (e.nameIs("noscript") && page.isMostlyIn(e)) return false;
              // a figure wrapping a table is a table with a caption, not an illustration
              return !(e.nameIs("figure") && e.selectFirst("table") != null);
            });
    dropped.addAll(Dom.collect(body, dropped, BoilerplatePatterns.COMMENTS, true));
    return dropped;
  }

  /**
   * The elements under {@code body} that {@code drop} matches, each dropped with its subtree; an
   * element it exempts is descended into.
   */
  private static Set<Element> dropOutermost(Element body, Predicate<Element> drop) {
    Set<Element> dropped = Dom.newElementSet();
    dropped.addAll(Dom.collect(body, dropped, drop, true));
    return dropped;
  }

  private static boolean neverContent(Element e) {
    return NEVER_CONTENT.contains(e.normalName()) || e.hasAttr("hidden") || isConsentOverlay(e);
  }

  /**
   * A consent box, not a wrapper that merely carries a state class ("cookies-accepted"): one
   * holding the page's headline or article element is a wrapper.
   */
  static boolean isConsentOverlay(Element e) {
    return BoilerplatePatterns.CONSENT.test(e) && e.selectFirst("h1, article, main") == null;
  }

  /** The page's text, counted once and only when a wrapper candidate needs it. */
  private static final class PageText {
    private final Element body;
    private int length = -1;

    PageText(Element body) {
      this.body = body;
    }

    /** True when {@code e} holds most of the page's text: it wraps the page. */
    boolean isMostlyIn(Element e) {
      int text = TextStats.of(e, Set.of()).get(e).textLength();
      if (text < MIN_PAGE_FORM_TEXT) return false; // a search or login form: skip the page count
      if (length < 0) length = TextStats.of(body, Set.of()).get(body).textLength();
      return text * 2 > length;
    }
  }
}
