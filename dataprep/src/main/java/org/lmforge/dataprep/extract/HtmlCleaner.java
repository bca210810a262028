package org.lmforge.dataprep.extract;

import java.util.Set;
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
    Set<Element> dropped = Dom.newElementSet();
    int[] bodyText = {-1};
    Dom.collect(
        body,
        dropped,
        e -> {
          if (isConsentOverlay(e)) {
            dropped.add(e);
            return true;
          }
          if (!NEVER_TEXT.contains(e.normalName()) && !e.hasAttr("hidden")) return false;
          if (e.nameIs("noscript") && holdsMostText(e, body, bodyText)) return false;
          dropped.add(e);
          return true;
        },
        true);
    return dropped;
  }

  /** A form or noscript with less text than this is a widget or a notice, never a page wrapper. */
  private static final int MIN_PAGE_FORM_TEXT = 500;

  /** Returns the set of dropped elements under {@code body}. */
  static Set<Element> clean(Element body) {
    Set<Element> dropped = Dom.newElementSet();
    int[] bodyText = {-1};
    // matches are dropped with their subtree; an exempted element is descended into
    Dom.collect(
        body,
        dropped,
        e -> {
          if (!neverContent(e)) return false;
          // ASP.NET and similar sites wrap the whole page in one <form>: keep a form that holds
          // most text
          if (e.nameIs("form") && holdsMostText(e, body, bodyText)) return false;
          // Blogger and some CMSs serve the whole article inside <noscript> for clients without
          // JavaScript
          if (e.nameIs("noscript") && holdsMostText(e, body, bodyText)) return false;
          // a figure wrapping a table is a table with a caption, not an illustration
          if (e.nameIs("figure") && e.selectFirst("table") != null) return false;
          dropped.add(e);
          return true;
        },
        true);
    dropped.addAll(Dom.collect(body, dropped, BoilerplatePatterns.COMMENTS, true));
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

  private static boolean holdsMostText(Element form, Element body, int[] bodyTextCache) {
    int formText = TextStats.of(form, Set.of()).textLength(form);
    if (formText < MIN_PAGE_FORM_TEXT)
      return false; // a search or login form: skip the page-wide count
    if (bodyTextCache[0] < 0) bodyTextCache[0] = TextStats.of(body, Set.of()).textLength(body);
    return formText * 2 > bodyTextCache[0];
  }
}
